package io.vigil.ticketstore.link;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the link verifier from the key the notifier signs with now ({@code vigil.links.key-id},
 * {@code vigil.links.signing-key}) and the other keys still accepted during a rotation ({@code
 * vigil.links.accepted-keys}: {@code id=key} entries separated by commas), refusing to start with a
 * key shorter than 32 characters, an id the notifier could not have used, or one id given two keys.
 */
@Factory
public class LinkSettings {

  static final int MIN_KEY_LENGTH = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  @Singleton
  LinkVerifier linkVerifier(
      @Value("${vigil.links.key-id:local}") String keyId,
      @Value("${vigil.links.signing-key:}") String signingKey,
      @Value("${vigil.links.accepted-keys:}") String acceptedKeys) {
    return new LinkVerifier(keys(keyId, signingKey, acceptedKeys), Clock.systemUTC());
  }

  /** The current key by its id, after checking both. */
  static Map<String, String> check(String keyId, String signingKey) {
    return keys(keyId, signingKey, "");
  }

  /**
   * Every accepted key by its id: the current one first, then those of {@code acceptedKeys} ({@code
   * "old-2026-01=0123…,old-2025-12=4567…"}; blank for none).
   */
  static Map<String, String> keys(String keyId, String signingKey, String acceptedKeys) {
    Map<String, String> keys = new LinkedHashMap<>();
    checkId(keyId, "vigil.links.key-id (VIGIL_LINK_KEY_ID)");
    if (signingKey == null || signingKey.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "vigil.links.signing-key (VIGIL_LINK_SIGNING_KEY) must have at least "
              + MIN_KEY_LENGTH
              + " characters and be the notifier's key; generate one with: openssl rand -hex 32");
    }
    keys.put(keyId, signingKey);
    if (acceptedKeys == null || acceptedKeys.isBlank()) {
      return Collections.unmodifiableMap(keys);
    }
    String setting = "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS)";
    String[] entries = acceptedKeys.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            setting
                + " entry "
                + (i + 1)
                + " must be <key id>=<key>, e.g. old-2026-01=<64 hex characters>; entries are"
                + " separated by commas");
      }
      String id = entry.substring(0, equals).trim();
      String key = entry.substring(equals + 1).trim();
      checkId(id, setting + " entry " + (i + 1) + "'s key id");
      if (key.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException(
            setting
                + ": the key of '"
                + id
                + "' must have at least "
                + MIN_KEY_LENGTH
                + " characters");
      }
      String earlier = keys.putIfAbsent(id, key);
      if (earlier != null && !earlier.equals(key)) {
        throw new IllegalArgumentException(
            setting
                + ": key id '"
                + id
                + "' is given "
                + (id.equals(keyId) ? "a key other than vigil.links.signing-key" : "twice")
                + "; one key id names one key, so give the new key a new id");
      }
    }
    return Collections.unmodifiableMap(keys);
  }

  private static void checkId(String id, String setting) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          setting
              + " must be 1-32 of A-Z a-z 0-9 . _ -, got '"
              + id
              + "'; use the notifier's key id");
    }
  }
}
