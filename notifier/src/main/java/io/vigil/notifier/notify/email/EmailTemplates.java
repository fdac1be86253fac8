package io.vigil.notifier.notify.email;

import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.PageText;
import io.vigil.notifier.page.Attempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the email templates ({@code page.html}, {@code page.txt} next to this class) with a page's
 * values: {@code {{name}}} placeholders, every value HTML-escaped in the HTML part, and the subject
 * stripped of line breaks so a title can never add a header.
 */
final class EmailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final String HTML = load("page.html");
  private static final String TEXT = load("page.txt");

  private EmailTemplates() {}

  /** A rendered email. */
  record Email(String subject, String text, String html) {}

  static Email render(Attempt attempt, ActionLinks.Links links) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("headline", PageText.headline(attempt));
    values.put("context", PageText.context(attempt));
    values.put("incident_id", attempt.page().incidentId());
    values.put("digest", attempt.isDigest() ? attempt.digest() : "");
    values.put("acknowledge_url", links.acknowledge());
    values.put("resolve_url", links.resolve());
    String subject =
        PageText.truncate(
            (attempt.isDigest() ? "[Vigil digest] " : "[Vigil] ")
                + PageText.headline(attempt).replaceAll("[\\r\\n\\t]+", " "),
            200);
    return new Email(subject, fill(TEXT, values, false), fill(HTML, values, true));
  }

  static String fill(String template, Map<String, String> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "email template names unknown value {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String load(String name) {
    try (InputStream in = EmailTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("email template " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
