package io.vigil.ticketstore.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes action-link tokens the way notifier/README.md ("Signed action links") documents them,
 * written independently of the notifier's code so the tests check the contract, not a copy.
 */
final class TestLinks {

  static final String LOCAL_KEY = "local-stack-only-link-signing-key-0123456789";

  private TestLinks() {}

  /** {@code base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))}. */
  static String token(
      String key, String keyId, String incident, String user, String action, long expires) {
    return signed(key, "v1|" + keyId + "|" + incident + "|" + user + "|" + action + "|" + expires);
  }

  /** Any payload text, signed as the notifier signs. */
  static String signed(String key, String payloadText) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = b64.encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return payload
          + "."
          + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
