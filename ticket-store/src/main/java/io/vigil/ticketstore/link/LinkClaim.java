package io.vigil.ticketstore.link;

import java.util.Objects;

/**
 * What a verified link allows: {@code userId} may perform {@code action} on {@code incidentId}
 * once, until {@code expiresAt}; {@code tokenHash} identifies the link for single use.
 */
public record LinkClaim(
    String keyId,
    String incidentId,
    String userId,
    LinkAction action,
    java.time.Instant expiresAt,
    String tokenHash) {

  public LinkClaim {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(tokenHash, "tokenHash");
  }
}
