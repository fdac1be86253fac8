package io.vigil.ingest.admission;

import io.vigil.config.Service;
import io.vigil.ingest.auth.IntegrationKeys;
import io.vigil.ingest.auth.KeyCheck;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.throttle.RateLimiter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The front door's checks, in order: the integration key (known, of a type this endpoint reads),
 * the HMAC signature when the integration has a signing secret, and the integration's rate limit —
 * each failure a refusal that says what to do.
 */
public final class Admission {

  private final IntegrationKeys keys;
  private final Signatures signatures;
  private final RateLimiter limiter;

  public Admission(IntegrationKeys keys, Signatures signatures, RateLimiter limiter) {
    this.keys = keys;
    this.signatures = signatures;
    this.limiter = limiter;
  }

  /** The raw material of a signature check: the headers as sent and the exact body bytes. */
  public record Signed(String signature, String timestamp, byte[] body) {}

  /** The result of {@link #authenticate}: exactly one of the two is present. */
  public record Verdict(IntegrationKeys.Integration integration, Refusal refusal) {

    public boolean admitted() {
      return integration != null;
    }
  }

  /** Checks the key, then the signature. */
  public Verdict authenticate(
      String presentedKey, Set<Service.IntegrationType> accepted, Signed signed) {
    KeyCheck check = keys.check(presentedKey, accepted);
    if (check instanceof KeyCheck.Refused r) {
      return new Verdict(null, refusalFor(r));
    }
    IntegrationKeys.Integration integration = ((KeyCheck.Known) check).integration();
    Optional<String> secret = integration.secret();
    if (secret.isPresent()) {
      Optional<String> problem =
          signatures.problem(secret.get(), signed.signature(), signed.timestamp(), signed.body());
      if (problem.isPresent()) {
        return new Verdict(null, Refusal.unauthorized("bad_signature", problem.get()));
      }
    }
    return new Verdict(integration, null);
  }

  /** The key check alone, for callers (Events API v2) that report key problems their own way. */
  public KeyCheck checkKey(String presentedKey, Set<Service.IntegrationType> accepted) {
    return keys.check(presentedKey, accepted);
  }

  /** Charges {@code alerts} to the integration's bucket; a 429 refusal when over the limit. */
  public Optional<Refusal> throttle(IntegrationKeys.Integration integration, int alerts) {
    OptionalLong wait = limiter.retryAfterSeconds(integration, alerts);
    if (wait.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.throttled(
            "Too many alerts for integration "
                + integration.name()
                + "; nothing of this request was stored, retry after "
                + wait.getAsLong()
                + " s (raise the integration's rateLimit if this rate is expected)",
            wait.getAsLong()));
  }

  private static Refusal refusalFor(KeyCheck.Refused r) {
    String message =
        r.reason() == KeyCheck.Reason.MISSING
            ? "no integration key: send the header Authorization: Bearer <integration key>"
            : "integration key refused: " + r.message();
    return r.reason() == KeyCheck.Reason.WRONG_FORMAT
        ? Refusal.forbidden(r.reason().tag(), message)
        : Refusal.unauthorized(r.reason().tag(), message);
  }
}
