package io.vigil.ticketstore;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.runtime.config.VigilConfigFactory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stands in for the configuration topic in the in-process API tests: starts from {@code
 * vigil.config-file} and is replaced by {@link #replace}, as an administrator's {@code PUT
 * /api/v1/config} would, so a test can show the next request reads the new document.
 */
@Singleton
@Replaces(value = LiveConfig.class, factory = VigilConfigFactory.class)
@Requires(property = "vigil.test.switchable-config", value = "true")
public class SwitchableConfig implements LiveConfig {

  private final List<Consumer<VigilConfig>> listeners = new CopyOnWriteArrayList<>();
  private volatile VigilConfig current;
  private volatile long revision;

  public SwitchableConfig(@Value("${vigil.config-file}") String file) {
    this.current = VigilConfigLoader.load(Path.of(file));
  }

  @Override
  public VigilConfig current() {
    return current;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public void onChange(Consumer<VigilConfig> listener) {
    listeners.add(listener);
  }

  /** Makes {@code yaml} (a whole, valid {@code vigil/v1} document) the document in force. */
  public void replace(String yaml) {
    VigilConfig next = VigilConfigLoader.parse(yaml, "test document");
    current = next;
    revision++;
    listeners.forEach(l -> l.accept(next));
  }
}
