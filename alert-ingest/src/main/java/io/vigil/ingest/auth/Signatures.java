package io.vigil.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Grafana-style HMAC-SHA256 request signatures — hex of HMAC(secret, timestamp + ":" +
 * body), the timestamp in Unix seconds — and refuses a missing or wrong signature and a timestamp
 * more than {@link #MAX_SKEW} away from now (a replay).
 */
public final class Signatures {

  /** Signatures older (or further in the future) than this are refused. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final Clock clock;

  public Signatures(Clock clock) {
    this.clock = clock;
  }

  /**
   * The problem with the request's signature, or empty when it is valid.
   *
   * @param secret the integration's signing secret
   * @param signature the signature header (hex, optionally prefixed {@code sha256=}), or null
   * @param timestamp the timestamp header (Unix seconds), or null
   * @param body the raw request body
   */
  public Optional<String> problem(String secret, String signature, String timestamp, byte[] body) {
    if (signature == null || signature.isBlank()) {
      return Optional.of(
          "this integration requires a signed request: send X-Vigil-Signature (or"
              + " X-Grafana-Alerting-Signature) with the hex HMAC-SHA256 of timestamp + \":\" +"
              + " body");
    }
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.of(
          "a signed request needs its timestamp: send X-Vigil-Timestamp (or"
              + " X-Grafana-Alerting-Timestamp) in Unix seconds");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Optional.of("the signature timestamp must be Unix seconds, e.g. 1767225600");
    }
    Instant signedAt = Instant.ofEpochSecond(seconds);
    Duration age = Duration.between(signedAt, clock.instant());
    if (age.abs().compareTo(MAX_SKEW) > 0) {
      return Optional.of(
          "the signature timestamp is "
              + age.abs().toSeconds()
              + " s away from this server's clock (limit "
              + MAX_SKEW.toSeconds()
              + " s); sign each request when sending it and keep clocks in sync");
    }
    String hex = signature.trim().toLowerCase(Locale.ROOT);
    if (hex.startsWith("sha256=")) {
      hex = hex.substring("sha256=".length());
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return Optional.of("the signature must be hex-encoded HMAC-SHA256");
    }
    if (!MessageDigest.isEqual(presented, sign(secret, timestamp.trim(), body))) {
      return Optional.of(
          "the signature does not match the body; sign timestamp + \":\" + the exact body bytes"
              + " with the integration's signingSecret");
    }
    return Optional.empty();
  }

  /** HMAC-SHA256 of {@code timestamp + ":" + body} under {@code secret}. */
  public static byte[] sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
