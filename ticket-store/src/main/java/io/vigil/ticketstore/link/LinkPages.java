package io.vigil.ticketstore.link;

/**
 * The small HTML pages a person sees when following an action link — the confirmation, the result
 * or the refusal; every value is HTML-escaped, since incident and user ids come from the link.
 */
final class LinkPages {

  private LinkPages() {}

  /**
   * Asks the person to confirm: a form whose button POSTs to the same address (no {@code action}
   * attribute, so the link never appears in the page), since mail scanners fetch links but do not
   * submit forms.
   */
  static String confirm(LinkClaim claim, String title) {
    String verb = claim.action().wire();
    String capitalised = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    String what =
        title == null || title.isBlank()
            ? "incident " + claim.incidentId()
            : "incident " + claim.incidentId() + " (\u201c" + title + "\u201d)";
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"robots\" content=\"noindex\"><title>")
        .append(escape(capitalised + " incident " + claim.incidentId() + "?"))
        .append("</title></head>\n<body><h1>")
        .append(escape(capitalised + " " + what + " as " + claim.userId() + "?"))
        .append("</h1><form method=\"post\"><button type=\"submit\">")
        .append(escape(capitalised))
        .append("</button></form><p>")
        .append(
            escape(
                "Nothing happens until you press the button. This link works once and expires at "
                    + claim.expiresAt()
                    + "."))
        .append("</p></body></html>\n")
        .toString();
  }

  /** The action was issued now. */
  static String done(LinkClaim claim, String commandId) {
    return page(
        "Incident " + claim.incidentId() + " " + claim.action().pastTense(),
        "Incident "
            + claim.incidentId()
            + " "
            + claim.action().pastTense()
            + " by "
            + claim.userId()
            + ".",
        "Command " + commandId + " is on its way; the incident's timeline shows when it applies.");
  }

  /** The link was used before; nothing new was issued. */
  static String alreadyUsed(LinkClaim claim, LinkUses.Use use) {
    return page(
        "Incident " + claim.incidentId() + " already " + use.action().pastTense(),
        "Incident "
            + claim.incidentId()
            + " already "
            + use.action().pastTense()
            + " by "
            + use.userId()
            + " with this link at "
            + use.usedAt()
            + ".",
        "Command " + use.commandId() + "; a link works once, so nothing new was sent.");
  }

  /** The link was refused or could not be acted on. */
  static String refused(String message) {
    return page("Vigil could not use this link", message, null);
  }

  private static String page(String title, String headline, String detail) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<meta name=\"robots\" content=\"noindex\"><title>")
            .append(escape(title))
            .append("</title></head>\n<body><h1>")
            .append(escape(headline))
            .append("</h1>");
    if (detail != null) {
      html.append("<p>").append(escape(detail)).append("</p>");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
