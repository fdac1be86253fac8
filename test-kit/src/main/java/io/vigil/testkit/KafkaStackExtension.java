package io.vigil.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A test that declares a {@link KafkaStack} parameter (test method, lifecycle method or
 * constructor) gets the test JVM's one stack, started on first use and closed when the test run
 * ends (JUnit closes the root store's resources then).
 *
 * <p>Use it as {@code @ExtendWith(KafkaStackExtension.class)} or through {@link WithKafkaStack}.
 */
public final class KafkaStackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stackFor(context);
  }

  /** The test JVM's stack, started now if this is its first use. */
  public static KafkaStack stackFor(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedStack.class, k -> SharedStack.start(), SharedStack.class)
        .stack();
  }
}
