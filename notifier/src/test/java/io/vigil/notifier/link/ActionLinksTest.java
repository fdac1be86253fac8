package io.vigil.notifier.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.notifier.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ActionLinksTest {

  @Test
  void aLinkNamesIncidentUserActionAndExpiryAndIsSignedOverThePayload() {
    ActionLinks.Links links = Fixtures.LINKS.linksFor("inc-7", "alice");

    assertThat(links.acknowledge()).startsWith("https://vigil.example/a/");
    String token = links.acknowledge().substring("https://vigil.example/a/".length());
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(2);
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    // 2026-02-01T10:00:00Z + 24h
    assertThat(payload).isEqualTo("v1|k1|inc-7|alice|acknowledge|1770026400");
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ActionLinks.hmac(Fixtures.LINK_KEY.getBytes(StandardCharsets.UTF_8), parts[0]));
    assertThat(parts[1]).isEqualTo(expected);
  }

  @Test
  void acknowledgeAndResolveLinksDifferSoNeitherCanBeUsedAsTheOther() {
    ActionLinks.Links links = Fixtures.LINKS.linksFor("inc-7", "alice");

    String resolvePayload =
        new String(
            Base64.getUrlDecoder()
                .decode(
                    links.resolve().substring("https://vigil.example/a/".length()).split("\\.")[0]),
            StandardCharsets.UTF_8);
    assertThat(resolvePayload).isEqualTo("v1|k1|inc-7|alice|resolve|1770026400");
    assertThat(links.resolve()).isNotEqualTo(links.acknowledge());
  }

  @Test
  void aShortKeyIsRefusedWithTheWayToMakeOne() {
    assertThatThrownBy(
            () -> new ActionLinks("https://x", "k1", "short", Duration.ofHours(1), Fixtures.CLOCK))
        .hasMessageContaining("at least 32 characters")
        .hasMessageContaining("openssl rand -hex 32");
  }
}
