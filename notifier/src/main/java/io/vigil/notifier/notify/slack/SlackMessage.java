package io.vigil.notifier.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.PageText;
import io.vigil.notifier.page.Attempt;

/**
 * A page as a Slack Block Kit message: a header, the context, the digest line if any, and
 * Acknowledge / Resolve buttons opening the signed links; user text is escaped for mrkdwn.
 */
public final class SlackMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackMessage() {}

  public static String of(Attempt attempt, ActionLinks.Links links) {
    ObjectNode message = JSON.createObjectNode();
    String headline = PageText.headline(attempt);
    message.put("text", escape(headline + " — " + attempt.page().serviceId()));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", PageText.truncate(headline, 150));
    ObjectNode context = blocks.addObject().put("type", "section");
    StringBuilder text =
        new StringBuilder(escape(PageText.context(attempt)))
            .append("\nIncident `")
            .append(escape(attempt.page().incidentId()))
            .append('`');
    if (attempt.isDigest()) {
      text.append("\n*").append(escape(attempt.digest())).append('*');
    }
    context.putObject("text").put("type", "mrkdwn").put("text", text.toString());
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    button(buttons, "Acknowledge", links.acknowledge(), "vigil_acknowledge")
        .put("style", "primary");
    button(buttons, "Resolve", links.resolve(), "vigil_resolve");
    return message.toString();
  }

  private static ObjectNode button(ArrayNode buttons, String label, String url, String actionId) {
    ObjectNode b = buttons.addObject().put("type", "button");
    b.putObject("text").put("type", "plain_text").put("text", label);
    return b.put("url", url).put("action_id", actionId);
  }

  /** Slack's three control characters in mrkdwn text. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
