package io.vigil.notifier.notify.teams;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.notify.http.HttpDelivery;
import io.vigil.notifier.notify.webhook.WebhookSender;
import io.vigil.notifier.page.Attempt;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Posts a page to a Microsoft Teams incoming webhook (or a Workflows webhook URL) as an Adaptive
 * Card; 4xx answers are permanent, 429 and 5xx are retried.
 */
public final class TeamsSender implements ChannelSender {

  private final HttpDelivery http;
  private final ActionLinks links;
  private final Duration timeout;

  public TeamsSender(HttpDelivery http, ActionLinks links, Duration timeout) {
    this.http = http;
    this.links = links;
    this.timeout = timeout;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(ContactMethod.ContactType.TEAMS);
  }

  @Override
  public String destination(Attempt attempt) {
    return WebhookSender.hostOf(attempt.contactMethod().url());
  }

  @Override
  public SendResult send(Attempt attempt) {
    String body =
        TeamsCard.of(attempt, links.linksFor(attempt.page().incidentId(), attempt.userId()));
    return http.post(
        attempt.contactMethod().url(), Map.of("Content-Type", "application/json"), body, timeout);
  }
}
