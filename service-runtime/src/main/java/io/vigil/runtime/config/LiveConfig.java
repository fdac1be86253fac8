package io.vigil.runtime.config;

import io.vigil.config.VigilConfig;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code vigil/v1} document as it is now: read the current one for every decision instead of
 * keeping a copy, because an administrator's {@code PUT /api/v1/config} replaces it at run time
 * (within seconds, without a restart). Each value handed out is complete and validated.
 */
public interface LiveConfig extends Supplier<VigilConfig>, AutoCloseable {

  /** The document in force now; never null. */
  VigilConfig current();

  @Override
  default VigilConfig get() {
    return current();
  }

  /**
   * The revision of {@link #current()}: 0 for the start-up file, then the revision the ticket store
   * gave the document it published.
   */
  long revision();

  /** Calls {@code listener} with each new document after it replaced the previous one. */
  void onChange(Consumer<VigilConfig> listener);

  /** Stops following changes; the current document stays readable. */
  @Override
  default void close() {}

  /** A fixed document, for tests and tools that have no topic to follow. */
  static LiveConfig fixed(VigilConfig config) {
    return new LiveConfig() {
      @Override
      public VigilConfig current() {
        return config;
      }

      @Override
      public long revision() {
        return 0;
      }

      @Override
      public void onChange(Consumer<VigilConfig> listener) {}
    };
  }
}
