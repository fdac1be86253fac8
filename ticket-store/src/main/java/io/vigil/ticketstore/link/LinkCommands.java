package io.vigil.ticketstore.link;

import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.auth.Caller;
import io.vigil.ticketstore.command.Command;
import io.vigil.ticketstore.command.CommandIssuer;
import io.vigil.ticketstore.link.LinkRejected.Reason;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shows what a verified link would do without doing it (for the confirmation page), and turns a
 * confirmed link into at most one command on the API's own path — recorded pending, published with
 * acks=all, audited with {@code via=link} and the link's user as actor — and answers a second use
 * with the first one's command instead of issuing another.
 */
@Singleton
public class LinkCommands {

  private final LinkVerifier verifier;
  private final LinkUses uses;
  private final TicketLookup tickets;
  private final CommandIssuer issuer;
  private final LiveConfig config;

  public LinkCommands(
      LinkVerifier verifier,
      LinkUses uses,
      TicketLookup tickets,
      CommandIssuer issuer,
      LiveConfig config) {
    this.verifier = verifier;
    this.uses = uses;
    this.tickets = tickets;
    this.issuer = issuer;
    this.config = config;
  }

  /** What following a link did: a new command, or the earlier use of the same link. */
  public record Outcome(LinkClaim claim, String commandId, Optional<LinkUses.Use> earlier) {}

  /** What a link would do, shown before anything is done: its claim and the incident's title. */
  public record Preview(LinkClaim claim, String title, Optional<LinkUses.Use> earlier) {}

  /**
   * Checks the token as {@link #follow} does, but issues nothing: what a confirmation page shows,
   * so that a mail scanner fetching the link changes nothing.
   *
   * @throws LinkRejected when the link is refused
   * @throws io.vigil.ticketstore.api.NotFoundException when its incident is unknown
   */
  public Preview preview(String token) {
    LinkClaim claim = verifier.verify(token);
    Optional<LinkUses.Use> earlier = uses.find(claim.tokenHash());
    if (earlier.isPresent()) {
      return new Preview(claim, null, earlier);
    }
    return new Preview(claim, usable(claim).title(), Optional.empty());
  }

  /**
   * Verifies the token and issues its command unless the link was used before.
   *
   * @throws LinkRejected when the link is refused
   * @throws io.vigil.ticketstore.api.NotFoundException when its incident is unknown
   * @throws io.vigil.ticketstore.api.UnavailableException when Kafka does not take the command
   */
  public Outcome follow(String token) {
    LinkClaim claim = verifier.verify(token);
    Optional<LinkUses.Use> earlier = uses.find(claim.tokenHash());
    if (earlier.isPresent()) {
      return new Outcome(claim, earlier.get().commandId(), earlier);
    }
    usable(claim);
    Instant now = Instant.now();
    Command command =
        new Command(
            UUID.randomUUID().toString(),
            claim.incidentId(),
            claim.action().command(),
            claim.userId(),
            now,
            null,
            null,
            null,
            null);
    if (!uses.claim(claim, command.commandId(), now)) {
      // Another click of the same link won the race.
      Optional<LinkUses.Use> first = uses.find(claim.tokenHash());
      return new Outcome(claim, first.map(LinkUses.Use::commandId).orElse(null), first);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("keyId", claim.keyId());
    details.put("linkExpiresAt", claim.expiresAt().toString());
    issuer.issue(
        command,
        Caller.link(claim.userId()),
        details,
        () -> uses.release(claim.tokenHash(), command.commandId()));
    return new Outcome(claim, command.commandId(), Optional.empty());
  }

  /** The incident's ticket, once the link's user is still configured and the incident exists. */
  private Ticket usable(LinkClaim claim) {
    if (config.current().user(claim.userId()).isEmpty()) {
      throw new LinkRejected(
          Reason.WRONG_PURPOSE,
          "this link was made for user '"
              + claim.userId()
              + "', who is no longer in Vigil's configuration; open the incident in Vigil instead");
    }
    return tickets
        .find(claim.incidentId())
        .orElseThrow(
            () ->
                new io.vigil.ticketstore.api.NotFoundException(
                    "Vigil has no incident '" + claim.incidentId() + "'; open Vigil to find it"));
  }
}
