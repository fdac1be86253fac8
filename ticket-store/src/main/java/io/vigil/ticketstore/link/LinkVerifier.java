package io.vigil.ticketstore.link;

import io.vigil.ticketstore.link.LinkRejected.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Accepts an action link only when it is well formed, signed (HMAC-SHA256, constant-time compare)
 * with the key its key id names, made to acknowledge or resolve, and not expired — the format the
 * notifier documents in notifier/README.md, "Signed action links".
 */
public final class LinkVerifier {

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_TOKEN_LENGTH = 2048;

  private final Map<String, byte[]> keys;
  private final Clock clock;

  /** {@code keys}: signing key by key id. */
  public LinkVerifier(Map<String, String> keys, Clock clock) {
    this.keys =
        keys.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)));
    this.clock = clock;
  }

  /**
   * The claim the token carries.
   *
   * @throws LinkRejected saying why it is refused
   */
  public LinkClaim verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw malformed();
    }
    int dot = token.lastIndexOf('.');
    if (dot <= 0 || dot == token.length() - 1) {
      throw malformed();
    }
    String payload = token.substring(0, dot);
    String signature = token.substring(dot + 1);
    if (!BASE64URL.matcher(payload).matches() || !BASE64URL.matcher(signature).matches()) {
      throw malformed();
    }
    String[] fields;
    byte[] given;
    try {
      fields =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
              .split("\\|", -1);
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (fields.length != 6 || !"v1".equals(fields[0])) {
      throw malformed();
    }
    for (String field : fields) {
      if (field.isEmpty()) {
        throw malformed();
      }
    }
    byte[] key = keys.get(fields[1]);
    if (key == null) {
      throw new LinkRejected(
          Reason.UNKNOWN_KEY,
          "this link was signed with a key this Vigil does not know (key id '"
              + fields[1]
              + "'); open the incident in Vigil instead");
    }
    if (!MessageDigest.isEqual(hmac(key, payload), given)) {
      throw new LinkRejected(
          Reason.BAD_SIGNATURE,
          "this link's signature is not valid (it was changed or cut short); use the link from the"
              + " page exactly as sent, or open the incident in Vigil");
    }
    LinkAction action =
        LinkAction.fromWire(fields[4])
            .orElseThrow(
                () ->
                    new LinkRejected(
                        Reason.WRONG_PURPOSE,
                        "this link was not made to acknowledge or resolve an incident; open the"
                            + " incident in Vigil instead"));
    Instant expiresAt;
    try {
      expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[5]));
    } catch (RuntimeException e) {
      throw malformed();
    }
    if (!expiresAt.isAfter(clock.instant())) {
      throw new LinkRejected(
          Reason.EXPIRED,
          "this link expired at " + expiresAt + "; open the incident in Vigil instead");
    }
    return new LinkClaim(fields[1], fields[2], fields[3], action, expiresAt, sha256Hex(token));
  }

  private static LinkRejected malformed() {
    return new LinkRejected(
        Reason.MALFORMED,
        "this is not a Vigil action link (it is malformed or cut short); copy the whole link from"
            + " the page, or open the incident in Vigil");
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
