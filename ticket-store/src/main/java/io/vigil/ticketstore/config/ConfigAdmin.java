package io.vigil.ticketstore.config;

import io.micronaut.context.annotation.Value;
import io.vigil.config.ConfigDocument;
import io.vigil.config.ConfigEntry;
import io.vigil.runtime.config.ConfigPublisher;
import io.vigil.runtime.config.FollowedConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.api.UnavailableException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads and replaces the whole configuration: a new document is validated whole, published as its
 * difference to the one in force, and reported in force once this instance follows it — so the
 * answer to a PUT is what every service will run with.
 */
@Singleton
public class ConfigAdmin {

  private final LiveConfig live;
  private final Optional<ConfigPublisher> publisher;
  private final Path startupFile;
  private final Duration applyWait;

  /** A document as served, with the revision it is at. */
  public record Document(long revision, Collection<ConfigEntry> entries) {}

  /** What a replacement did. */
  public record Replaced(
      long revision, List<String> changed, List<String> removed, boolean inForce) {}

  /** The caller edited an older revision than the one in force. */
  public static final class StaleRevisionException extends RuntimeException {
    StaleRevisionException(long current, String asked) {
      super(
          "the configuration is at revision "
              + current
              + ", not "
              + asked
              + "; GET it, make your change again and PUT it with If-Match: \""
              + current
              + "\"");
    }
  }

  public ConfigAdmin(
      LiveConfig live,
      Optional<ConfigPublisher> publisher,
      @Value("${vigil.config-file}") String startupFile,
      @Value("${vigil.config.apply-wait:10s}") Duration applyWait) {
    this.live = live;
    this.publisher = publisher;
    this.startupFile = Path.of(startupFile);
    this.applyWait = applyWait;
  }

  /** The document in force: the published one, or the start-up file before anything was. */
  public Document current() {
    if (live instanceof FollowedConfig followed && followed.revision() > 0) {
      FollowedConfig.Snapshot snapshot = followed.snapshot();
      return new Document(snapshot.revision(), snapshot.entries().values());
    }
    String text;
    try {
      text = Files.readString(startupFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the start-up configuration " + startupFile, e);
    }
    return new Document(0, ConfigDocument.split(text, startupFile.toString()));
  }

  /**
   * Replaces the configuration with {@code text} (YAML or JSON) when {@code ifMatch} (an ETag such
   * as {@code "3"}, or null) names the revision in force.
   */
  public Replaced replace(String text, String ifMatch) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "the body is empty: send the whole vigil/v1 document as YAML or JSON");
    }
    if (!(live instanceof FollowedConfig followed) || publisher.isEmpty()) {
      throw new UnavailableException(
          "configuration changes need Kafka, and this ticket store runs without it", null);
    }
    FollowedConfig.Snapshot now = followed.snapshot();
    if (ifMatch != null && !ifMatch.isBlank()) {
      String asked = ifMatch.trim().replace("W/", "").replace("\"", "");
      if (!asked.equals(Long.toString(now.revision()))) {
        throw new StaleRevisionException(now.revision(), asked);
      }
    }
    List<ConfigEntry> entries = ConfigDocument.split(text, "the document");
    ConfigPublisher.Published published =
        publisher.get().publish(entries, now.entries(), now.revision(), Instant.now());
    boolean inForce;
    try {
      inForce = followed.awaitRevision(published.revision(), applyWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inForce = false;
    }
    return new Replaced(published.revision(), published.changed(), published.removed(), inForce);
  }
}
