package io.vigil.notifier.notify.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.page.Attempt;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends SMS ({@code POST …/Accounts/{sid}/Messages.json}) and places voice calls ({@code
 * …/Calls.json} with inline TwiML) through a Twilio-compatible REST API: 2xx is delivered, 429 and
 * 5xx and timeouts are retried, a 4xx (e.g. Twilio 21211, invalid number) is permanent.
 */
public final class SmsSender implements ChannelSender {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final SmsSettings settings;
  private final ActionLinks links;

  public SmsSender(HttpClient http, SmsSettings settings, ActionLinks links) {
    this.http = http;
    this.settings = settings;
    this.links = links;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(ContactMethod.ContactType.SMS, ContactMethod.ContactType.VOICE);
  }

  @Override
  public String destination(Attempt attempt) {
    return "sms-provider:" + settings.getBaseUrl();
  }

  @Override
  public SendResult send(Attempt attempt) {
    boolean voice = attempt.contactMethod().type() == ContactMethod.ContactType.VOICE;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", attempt.contactMethod().number());
    form.put("From", settings.getFrom());
    if (voice) {
      form.put("Twiml", SmsText.twiml(attempt));
    } else {
      form.put(
          "Body",
          SmsText.sms(attempt, links.linksFor(attempt.page().incidentId(), attempt.userId())));
    }
    URI uri =
        URI.create(
            settings.getBaseUrl().replaceAll("/+$", "")
                + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.getAccountSid(), StandardCharsets.UTF_8)
                + (voice ? "/Calls.json" : "/Messages.json"));
    String credentials = settings.getAccountSid() + ":" + settings.getAuthToken();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.getTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Vigil-Delivery-Id", attempt.id())
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    String what = voice ? "call" : "SMS";
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return classify(what, response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      return SendResult.retryable(
          "no answer from the SMS provider within " + settings.getTimeout().toMillis() + " ms");
    } catch (IOException e) {
      return SendResult.retryable("cannot reach the SMS provider at " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.retryable("interrupted sending to the SMS provider");
    }
  }

  static SendResult classify(String what, int status, String body) {
    JsonNode json = parse(body);
    if (status >= 200 && status < 300) {
      String sid = json.path("sid").asText("");
      return SendResult.delivered(
          "provider accepted the " + what + (sid.isEmpty() ? "" : " " + sid));
    }
    String code = json.path("code").asText("");
    String message = json.path("message").asText("");
    String detail =
        "SMS provider answered HTTP "
            + status
            + " to the "
            + what
            + (code.isEmpty() ? "" : " (code " + code + ")")
            + (message.isEmpty() ? "" : ": " + message);
    return status >= 500 || status == 429 || status == 408
        ? SendResult.retryable(detail)
        : SendResult.permanent(detail);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
