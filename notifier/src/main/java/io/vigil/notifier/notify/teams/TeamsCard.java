package io.vigil.notifier.notify.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.PageText;
import io.vigil.notifier.page.Attempt;

/**
 * A page as a Microsoft Teams incoming-webhook message holding one Adaptive Card (1.4): the
 * headline, facts, the digest line if any, and Acknowledge / Resolve buttons opening the signed
 * links; user text has Markdown disabled so it shows as written.
 */
public final class TeamsCard {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsCard() {}

  public static String of(Attempt attempt, ActionLinks.Links links) {
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4");
    ArrayNode body = card.putArray("body");
    text(body, PageText.headline(attempt)).put("size", "Large").put("weight", "Bolder");
    text(body, PageText.context(attempt)).put("isSubtle", true);
    if (attempt.isDigest()) {
      text(body, attempt.digest()).put("weight", "Bolder");
    }
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    facts.addObject().put("title", "Incident").put("value", attempt.page().incidentId());
    facts.addObject().put("title", "Service").put("value", attempt.page().serviceId());
    facts.addObject().put("title", "Priority").put("value", attempt.page().priority());
    ArrayNode actions = card.putArray("actions");
    actions
        .addObject()
        .put("type", "Action.OpenUrl")
        .put("title", "Acknowledge")
        .put("url", links.acknowledge());
    actions
        .addObject()
        .put("type", "Action.OpenUrl")
        .put("title", "Resolve")
        .put("url", links.resolve());
    return message.toString();
  }

  private static ObjectNode text(ArrayNode body, String text) {
    // Markdown off: a title like "*prod* [db](http://evil)" is shown verbatim, never as a link.
    return body.addObject()
        .put("type", "TextBlock")
        .put("text", text)
        .put("wrap", true)
        .put("markdown", false);
  }
}
