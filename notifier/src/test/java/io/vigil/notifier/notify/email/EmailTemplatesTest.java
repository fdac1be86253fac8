package io.vigil.notifier.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.page.Attempt;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

  private static final ContactMethod MAIL =
      new ContactMethod(
          "alice-mail", ContactMethod.ContactType.EMAIL, null, "alice@example.com", null, null);

  @Test
  void theHtmlPartEscapesUserContentAndTheTextPartKeepsIt() {
    Attempt attempt =
        new Attempt(Fixtures.page("esc-1", "<script>alert(1)</script> & \"db\""), "alice", MAIL, 0);
    ActionLinks.Links links = Fixtures.LINKS.linksFor("inc-7", "alice");

    EmailTemplates.Email email = EmailTemplates.render(attempt, links);

    assertThat(email.html())
        .contains("<h2>[P1] &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;db&quot;</h2>")
        .doesNotContain("<script>")
        .contains("href=\"" + links.acknowledge() + "\"")
        .contains("href=\"" + links.resolve() + "\"");
    assertThat(email.text())
        .startsWith("[P1] <script>alert(1)</script> & \"db\"\n")
        .contains("Acknowledge: " + links.acknowledge())
        .contains("Resolve:     " + links.resolve());
    assertThat(email.subject()).isEqualTo("[Vigil] [P1] <script>alert(1)</script> & \"db\"");
  }

  @Test
  void aTitleCannotAddHeadersThroughTheSubject() {
    Attempt attempt =
        new Attempt(Fixtures.page("esc-1", "Disk\r\nBcc: everyone@example.com"), "alice", MAIL, 0);

    EmailTemplates.Email email =
        EmailTemplates.render(attempt, Fixtures.LINKS.linksFor("inc-7", "alice"));

    assertThat(email.subject()).isEqualTo("[Vigil] [P1] Disk Bcc: everyone@example.com");
  }
}
