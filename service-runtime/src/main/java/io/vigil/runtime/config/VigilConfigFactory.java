package io.vigil.runtime.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@code vigil/v1} document a bean: {@link LiveConfig} follows the configuration topic,
 * starting from {@code VIGIL_CONFIG} (default {@code deploy/local/vigil.yaml}); an invalid start-up
 * document stops the service with every problem listed.
 */
@Factory
public class VigilConfigFactory {

  private static final Logger LOG = LoggerFactory.getLogger(VigilConfigFactory.class);

  @Singleton
  LiveConfig liveConfig(@Value("${vigil.config-file}") String file) {
    VigilConfig config = VigilConfigLoader.load(Path.of(file));
    LOG.info(
        "configuration {}: {} services, {} users, {} escalation policies",
        file,
        config.services().size(),
        config.users().size(),
        config.escalationPolicies().size());
    return LiveConfig.fixed(config);
  }

  /**
   * The document in force at start-up. Prefer {@link LiveConfig}: this snapshot does not follow
   * changes.
   */
  @Singleton
  VigilConfig vigilConfig(LiveConfig live) {
    return live.current();
  }
}
