package io.vigil.notifier.link;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the single-purpose acknowledge and resolve links every message carries: each names one
 * incident, one user and one action, expires, and is HMAC-SHA256-signed with the configured key
 * (format in notifier/README.md, "Signed action links").
 */
public final class ActionLinks {

  /** What a link does when followed. */
  public enum Action {
    ACKNOWLEDGE("acknowledge"),
    RESOLVE("resolve");

    private final String wire;

    Action(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** The two links of one message. */
  public record Links(String acknowledge, String resolve) {}

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String baseUrl;
  private final String keyId;
  private final byte[] key;
  private final Duration ttl;
  private final Clock clock;

  public ActionLinks(String baseUrl, String keyId, String key, Duration ttl, Clock clock) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException(
          "vigil.notifier.links.signing-key (VIGIL_LINK_SIGNING_KEY) must have at least 32"
              + " characters; generate one with: openssl rand -hex 32");
    }
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "vigil.notifier.links.key-id must be 1-32 of A-Z a-z 0-9 . _ -, got '" + keyId + "'");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("vigil.notifier.links.ttl must be positive, e.g. 24h");
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.keyId = keyId;
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Acknowledge and resolve links for {@code userId} on {@code incidentId}, valid for the ttl. */
  public Links linksFor(String incidentId, String userId) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return new Links(
        url(token(incidentId, userId, Action.ACKNOWLEDGE, expires)),
        url(token(incidentId, userId, Action.RESOLVE, expires)));
  }

  /** {@code <base-url>/a/<token>}. */
  String url(String token) {
    return baseUrl + "/a/" + token;
  }

  /** {@code base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))}. */
  String token(String incidentId, String userId, Action action, long expiresEpochSeconds) {
    String payload =
        String.join(
            "|",
            "v1",
            keyId,
            incidentId,
            userId,
            action.wire(),
            Long.toString(expiresEpochSeconds));
    String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + B64.encodeToString(hmac(key, encoded));
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
