package io.vigil.ingest.auth;

import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Knows every configured integration key only by its SHA-256 hash, compares a presented key's hash
 * with all of them in constant time, and refuses a missing, malformed, unknown or wrong-format key
 * with the reason — never echoing the key.
 */
public final class IntegrationKeys {

  private static final Pattern KEY_FORMAT = Pattern.compile("[0-9a-f]{32}");

  private volatile List<Integration> integrations;

  private IntegrationKeys(List<Integration> integrations) {
    this.integrations = List.copyOf(integrations);
  }

  /** The integrations of every service in {@code config}, each key hashed at once. */
  public static IntegrationKeys of(VigilConfig config) {
    return new IntegrationKeys(hashed(config));
  }

  /**
   * Replaces the known integrations with those of {@code config}, as one step: a request is checked
   * against either the old set or the new one, never a mixture.
   */
  public void reload(VigilConfig config) {
    this.integrations = List.copyOf(hashed(config));
  }

  private static List<Integration> hashed(VigilConfig config) {
    List<Integration> all = new ArrayList<>();
    for (Service s : config.services()) {
      for (Service.Integration i : s.integrations()) {
        all.add(
            new Integration(
                s.id(),
                i.type(),
                sha256(i.key()),
                i.signingSecret(),
                i.rateLimit(),
                s.heartbeats().stream().map(Service.Heartbeat::id).toList()));
      }
    }
    return all;
  }

  /**
   * Checks {@code presented} and, when it is a known key of one of the {@code accepted} types,
   * returns its integration.
   */
  public KeyCheck check(String presented, Set<Service.IntegrationType> accepted) {
    if (presented == null || presented.isBlank()) {
      return new KeyCheck.Refused(KeyCheck.Reason.MISSING, "no integration key was sent");
    }
    if (!KEY_FORMAT.matcher(presented).matches()) {
      return new KeyCheck.Refused(
          KeyCheck.Reason.MALFORMED,
          "the integration key must be 32 lower-case hex characters (this one has "
              + presented.length()
              + " characters or other symbols); copy the key from the service's configuration");
    }
    byte[] hash = sha256(presented);
    Integration found = null;
    for (Integration i : this.integrations) {
      // Every hash is compared, without stopping early, so the time taken says nothing.
      if (MessageDigest.isEqual(hash, i.keyHash()) & found == null) {
        found = i;
      }
    }
    if (found == null) {
      return new KeyCheck.Refused(
          KeyCheck.Reason.UNKNOWN,
          "no integration of any service has this key; use the integration key from the"
              + " service's configuration");
    }
    if (!accepted.contains(found.type())) {
      return new KeyCheck.Refused(
          KeyCheck.Reason.WRONG_FORMAT,
          "this key belongs to the service's "
              + found.type().yamlName()
              + " integration; send "
              + found.type().yamlName()
              + " requests to "
              + pathFor(found.type())
              + ", or use the service's "
              + accepted.stream().map(Service.IntegrationType::yamlName).sorted().toList()
              + " key here");
    }
    return new KeyCheck.Known(found);
  }

  /** The endpoint that reads requests of {@code type}. */
  public static String pathFor(Service.IntegrationType type) {
    return switch (type) {
      case EVENTS_V2 -> "/v2/enqueue";
      case ALERTMANAGER -> "/integrations/alertmanager";
      case GRAFANA -> "/integrations/grafana";
    };
  }

  /** The key's SHA-256 hash; keys are never kept in any other form. */
  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * One configured integration, known by the hash of its key.
   *
   * @param serviceId the service it belongs to
   * @param type the format its requests come in
   * @param keyHash SHA-256 of the key
   * @param signingSecret the HMAC secret requests must be signed with, or null
   * @param rateLimit its own token bucket, or null for the default
   * @param heartbeatIds the service's configured heartbeat ids
   */
  public record Integration(
      String serviceId,
      Service.IntegrationType type,
      byte[] keyHash,
      String signingSecret,
      Service.RateLimit rateLimit,
      List<String> heartbeatIds) {

    /** A stable name for logs and metrics that does not reveal the key. */
    public String name() {
      return serviceId + "/" + type.yamlName();
    }

    /** The bucket key: the hex of the key's hash, unique per integration. */
    public String bucketId() {
      StringBuilder hex = new StringBuilder();
      for (byte b : keyHash) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    }

    public Optional<String> secret() {
      return Optional.ofNullable(signingSecret).filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
      return "Integration[" + name() + "]";
    }
  }
}
