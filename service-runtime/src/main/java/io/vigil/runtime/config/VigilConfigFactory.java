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
 * Makes the {@code vigil/v1} document a bean, read once at start-up from {@code VIGIL_CONFIG}
 * (default {@code deploy/local/vigil.yaml}); an invalid document stops the service with every
 * problem listed.
 */
@Factory
public class VigilConfigFactory {

  private static final Logger LOG = LoggerFactory.getLogger(VigilConfigFactory.class);

  @Singleton
  VigilConfig vigilConfig(@Value("${vigil.config-file}") String file) {
    VigilConfig config = VigilConfigLoader.load(Path.of(file));
    LOG.info(
        "configuration {}: {} services, {} users, {} escalation policies",
        file,
        config.services().size(),
        config.users().size(),
        config.escalationPolicies().size());
    return config;
  }
}
