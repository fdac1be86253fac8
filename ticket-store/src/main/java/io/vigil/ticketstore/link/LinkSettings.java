package io.vigil.ticketstore.link;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the link verifier from {@code vigil.links.key-id} and {@code vigil.links.signing-key} —
 * the same key id and key as the notifier signs with — refusing to start with a key shorter than 32
 * characters or an id the notifier could not have used.
 */
@Factory
public class LinkSettings {

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  @Singleton
  LinkVerifier linkVerifier(
      @Value("${vigil.links.key-id:local}") String keyId,
      @Value("${vigil.links.signing-key:}") String signingKey) {
    return new LinkVerifier(check(keyId, signingKey), Clock.systemUTC());
  }

  /** The key by its id, after checking both. */
  static Map<String, String> check(String keyId, String signingKey) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "vigil.links.key-id (VIGIL_LINK_KEY_ID) must be 1-32 of A-Z a-z 0-9 . _ -, got '"
              + keyId
              + "'; use the notifier's key id");
    }
    if (signingKey == null || signingKey.length() < 32) {
      throw new IllegalArgumentException(
          "vigil.links.signing-key (VIGIL_LINK_SIGNING_KEY) must have at least 32 characters and"
              + " be the notifier's key; generate one with: openssl rand -hex 32");
    }
    return Map.of(keyId, signingKey);
  }
}
