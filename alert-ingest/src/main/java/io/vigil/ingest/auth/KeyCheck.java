package io.vigil.ingest.auth;

/**
 * The verdict on a presented integration key: a known integration, or a refusal with its reason.
 */
public sealed interface KeyCheck {

  /** Why a key was refused; the metric tag and the HTTP status follow from it. */
  enum Reason {
    MISSING,
    MALFORMED,
    UNKNOWN,
    WRONG_FORMAT;

    /** The metrics tag of this reason. */
    public String tag() {
      return "key_" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The key belongs to {@code integration}. */
  record Known(IntegrationKeys.Integration integration) implements KeyCheck {}

  /** The key was refused; {@code message} tells the sender what to do. */
  record Refused(Reason reason, String message) implements KeyCheck {}
}
