package io.vigil.notifier.notify.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.page.Attempt;
import org.junit.jupiter.api.Test;

class TeamsCardTest {

  @Test
  void aPageIsAnAdaptiveCardWithFactsAndAcknowledgeResolveActions() throws Exception {
    ContactMethod teams =
        new ContactMethod(
            "alice-teams",
            ContactMethod.ContactType.TEAMS,
            "https://x.webhook.office.com/y",
            null,
            null,
            null);
    Attempt attempt =
        new Attempt(Fixtures.page("esc-1", "[db](http://evil) *down*"), "alice", teams, 0);
    ActionLinks.Links links = Fixtures.LINKS.linksFor("inc-7", "alice");

    JsonNode m = new ObjectMapper().readTree(TeamsCard.of(attempt, links));

    assertThat(m.path("type").asText()).isEqualTo("message");
    JsonNode attachment = m.path("attachments").get(0);
    assertThat(attachment.path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    JsonNode headline = card.path("body").get(0);
    assertThat(headline.path("text").asText()).isEqualTo("[P1] [db](http://evil) *down*");
    assertThat(headline.path("markdown").asBoolean(true)).isFalse();
    JsonNode facts = card.path("body").get(2).path("facts");
    assertThat(facts.get(0).path("value").asText()).isEqualTo("inc-7");
    assertThat(card.path("actions").get(0).path("title").asText()).isEqualTo("Acknowledge");
    assertThat(card.path("actions").get(0).path("url").asText()).isEqualTo(links.acknowledge());
    assertThat(card.path("actions").get(1).path("title").asText()).isEqualTo("Resolve");
    assertThat(card.path("actions").get(1).path("url").asText()).isEqualTo(links.resolve());
  }
}
