package io.vigil.notifier.notify.slack;

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
 * Posts a page to a Slack incoming webhook as Block Kit; Slack's 4xx answers ({@code
 * invalid_payload}, {@code channel_is_archived}, {@code no_service}) are permanent, 429 and 5xx are
 * retried.
 */
public final class SlackSender implements ChannelSender {

  private final HttpDelivery http;
  private final ActionLinks links;
  private final Duration timeout;

  public SlackSender(HttpDelivery http, ActionLinks links, Duration timeout) {
    this.http = http;
    this.links = links;
    this.timeout = timeout;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(ContactMethod.ContactType.SLACK);
  }

  @Override
  public String destination(Attempt attempt) {
    return WebhookSender.hostOf(attempt.contactMethod().url());
  }

  @Override
  public SendResult send(Attempt attempt) {
    String body =
        SlackMessage.of(attempt, links.linksFor(attempt.page().incidentId(), attempt.userId()));
    return http.post(
        attempt.contactMethod().url(), Map.of("Content-Type", "application/json"), body, timeout);
  }
}
