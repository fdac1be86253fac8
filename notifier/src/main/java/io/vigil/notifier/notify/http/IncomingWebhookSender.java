package io.vigil.notifier.notify.http;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.notify.webhook.WebhookSender;
import io.vigil.notifier.page.Attempt;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Posts a page, rendered with its acknowledge and resolve links, as JSON to a chat tool's incoming
 * webhook (Slack Block Kit, a Teams Adaptive Card); 4xx answers are permanent, 429 and 5xx are
 * retried, as {@link HttpDelivery} classifies them.
 */
public final class IncomingWebhookSender implements ChannelSender {

  private final ContactMethod.ContactType type;
  private final BiFunction<Attempt, ActionLinks.Links, String> render;
  private final HttpDelivery http;
  private final ActionLinks links;
  private final Duration timeout;

  public IncomingWebhookSender(
      ContactMethod.ContactType type,
      BiFunction<Attempt, ActionLinks.Links, String> render,
      HttpDelivery http,
      ActionLinks links,
      Duration timeout) {
    this.type = Objects.requireNonNull(type, "type");
    this.render = Objects.requireNonNull(render, "render");
    this.http = http;
    this.links = links;
    this.timeout = timeout;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(type);
  }

  @Override
  public String destination(Attempt attempt) {
    return WebhookSender.hostOf(attempt.contactMethod().url());
  }

  @Override
  public SendResult send(Attempt attempt) {
    String body =
        render.apply(attempt, links.linksFor(attempt.page().incidentId(), attempt.userId()));
    return http.post(
        attempt.contactMethod().url(), Map.of("Content-Type", "application/json"), body, timeout);
  }
}
