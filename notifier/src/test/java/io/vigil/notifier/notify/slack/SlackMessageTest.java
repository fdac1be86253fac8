package io.vigil.notifier.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.page.Attempt;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

  private static final ContactMethod SLACK =
      new ContactMethod(
          "alice-slack",
          ContactMethod.ContactType.SLACK,
          "https://hooks.slack.com/x",
          null,
          null,
          null);

  @Test
  void aPageIsAHeaderContextAndAcknowledgeResolveButtonsWithUserTextEscaped() throws Exception {
    Attempt attempt =
        new Attempt(Fixtures.page("esc-1", "<!channel> disk & db-1 > 95%"), "alice", SLACK, 0);
    ActionLinks.Links links = Fixtures.LINKS.linksFor("inc-7", "alice");

    JsonNode m = new ObjectMapper().readTree(SlackMessage.of(attempt, links));

    assertThat(m.path("text").asText())
        .isEqualTo("[P1] &lt;!channel&gt; disk &amp; db-1 &gt; 95% — payments");
    assertThat(m.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("[P1] <!channel> disk & db-1 > 95%");
    assertThat(m.path("blocks").get(1).path("text").path("text").asText())
        .isEqualTo("payments · high urgency · level 2, round 1 · timeout\nIncident `inc-7`");
    JsonNode buttons = m.path("blocks").get(2).path("elements");
    assertThat(buttons.get(0).path("text").path("text").asText()).isEqualTo("Acknowledge");
    assertThat(buttons.get(0).path("url").asText()).isEqualTo(links.acknowledge());
    assertThat(buttons.get(1).path("text").path("text").asText()).isEqualTo("Resolve");
    assertThat(buttons.get(1).path("url").asText()).isEqualTo(links.resolve());
  }

  @Test
  void aDigestSaysWhatWasFolded() throws Exception {
    Attempt digest =
        new Attempt(
            Fixtures.page("esc-1", "Disk"), "alice", SLACK, 0, "and 12 more incidents on payments");

    JsonNode m =
        new ObjectMapper()
            .readTree(SlackMessage.of(digest, Fixtures.LINKS.linksFor("inc-7", "alice")));

    assertThat(m.path("blocks").get(1).path("text").path("text").asText())
        .endsWith("\n*and 12 more incidents on payments*");
  }
}
