package io.vigil.notifier.notify.sms;

import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.PageText;
import io.vigil.notifier.page.Attempt;

/**
 * What an SMS says (headline, service, acknowledge link, within 480 characters) and what a voice
 * call says (TwiML {@code <Say>}, XML-escaped, read twice).
 */
final class SmsText {

  private SmsText() {}

  static String sms(Attempt attempt, ActionLinks.Links links) {
    String digest = attempt.isDigest() ? " " + attempt.digest() + "." : "";
    String tail = digest + " Ack: " + links.acknowledge() + " Resolve: " + links.resolve();
    String head = "Vigil " + PageText.headline(attempt) + " on " + attempt.page().serviceId() + ".";
    return PageText.truncate(head, Math.max(60, 480 - tail.length())) + tail;
  }

  static String twiml(Attempt attempt) {
    String words =
        "Vigil page. Priority "
            + attempt.page().priority()
            + ". "
            + attempt.page().title()
            + ". Service "
            + attempt.page().serviceId()
            + "."
            + (attempt.isDigest() ? " " + attempt.digest() + "." : "")
            + " Acknowledge from the link in your messages.";
    String say = "<Say>" + escapeXml(PageText.truncate(words, 600)) + "</Say>";
    return "<Response>" + say + "<Pause length=\"1\"/>" + say + "</Response>";
  }

  static String escapeXml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
