package io.vigil.config;

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
 */
public record ContactMethod(
    String id, ContactType type, String url, String address, String number, String secret) {

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
