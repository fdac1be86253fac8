package io.vigil.notifier.notify.webhook;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.notify.http.HttpDelivery;
import io.vigil.notifier.page.Attempt;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers a page as an HTTP POST of JSON to the contact method's URL, with a {@code
 * Vigil-Delivery-Id} header identical on every retry and, when the contact method has secrets, a
 * {@code Vigil-Signature} over the timestamp and body.
 */
public final class WebhookSender implements ChannelSender {

  /** The header carrying the attempt id, identical on every retry. */
  public static final String DELIVERY_ID_HEADER = "Vigil-Delivery-Id";

  private final HttpDelivery http;
  private final ActionLinks links;
  private final Duration timeout;
  private final Clock clock;

  public WebhookSender(HttpDelivery http, ActionLinks links, Duration timeout, Clock clock) {
    this.http = http;
    this.links = links;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(ContactMethod.ContactType.WEBHOOK);
  }

  @Override
  public String destination(Attempt attempt) {
    return hostOf(attempt.contactMethod().url());
  }

  @Override
  public SendResult send(Attempt attempt) {
    String body =
        WebhookBody.of(attempt, links.linksFor(attempt.page().incidentId(), attempt.userId()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(DELIVERY_ID_HEADER, attempt.id());
    List<String> secrets = attempt.contactMethod().signingSecrets();
    if (!secrets.isEmpty()) {
      headers.put(
          WebhookSignature.HEADER,
          WebhookSignature.of(secrets, clock.instant().getEpochSecond(), body));
    }
    return http.post(attempt.contactMethod().url(), headers, body, timeout);
  }

  /** {@code host:port} of a URL, the unit of per-destination concurrency for HTTP channels. */
  public static String hostOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException | NullPointerException e) {
      return "invalid:" + url;
    }
  }
}
