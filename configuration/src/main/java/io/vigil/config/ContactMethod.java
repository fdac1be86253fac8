package io.vigil.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One way to reach a user; which of {@code url}, {@code address} and {@code number} it needs
 * depends on its type.
 *
 * @param id unique within the configuration
 * @param type the channel
 * @param url for webhook, slack and teams
 * @param address for email
 * @param number for sms and voice, in E.164 form
 * @param secret optional HMAC secret for a webhook's signature
 * @param secrets optional further webhook secrets, all signed with during a rotation
 */
public record ContactMethod(
    String id,
    ContactType type,
    String url,
    String address,
    String number,
    String secret,
    List<String> secrets) {

  public ContactMethod {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  /** A contact method without rotation secrets. */
  public ContactMethod(
      String id, ContactType type, String url, String address, String number, String secret) {
    this(id, type, url, address, number, secret, List.of());
  }

  /** Every secret a webhook is signed with: {@code secret} first, then {@code secrets}. */
  public List<String> signingSecrets() {
    List<String> all = new ArrayList<>();
    if (secret != null) {
      all.add(secret);
    }
    secrets.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return List.copyOf(all);
  }

  /** The channels Vigil can deliver over. */
  public enum ContactType {
    WEBHOOK,
    SLACK,
    TEAMS,
    EMAIL,
    SMS,
    VOICE;

    /** The lower-case name used in the YAML document. */
    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
