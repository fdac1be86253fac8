package io.vigil.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 only instantiates classes it trusts; this adds Vigil's generated package to the
 * process-wide trust list, once, before any record is read or written. The serde and the topic
 * catalogue call it; code that builds records without either (e.g. a builder filling in a
 * record-typed default in a plain unit test) calls {@link #ensure()} itself.
 */
public final class TrustedSchemas {

  private static final String PACKAGE = "io.vigil.schemas";

  static {
    ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(previous, type -> type.getPackageName().equals(PACKAGE)));
  }

  private TrustedSchemas() {}

  /**
   * Ensures the trust list includes Vigil's schemas (the work happens in the class initialiser).
   */
  public static void ensure() {}
}
