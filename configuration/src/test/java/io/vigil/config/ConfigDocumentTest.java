package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {

  private static final Path EXAMPLE = Path.of("../deploy/local/vigil.yaml");

  private static final String SMALL =
      """
      apiVersion: vigil/v1
      users:
        - { id: bob, name: Bob }
        - { id: alice, name: Alice }
      escalationPolicies:
        - id: p
          levels:
            - { targets: [ { user: alice } ], escalateAfter: 5m }
      services:
        - { id: payments, name: Payments, escalationPolicy: p }
      classification:
        - { when: { severity: critical }, priority: P1, class: critical, urgency: high }
        - { when: {}, priority: P4, class: minor, urgency: low }
      sla:
        - { priority: P1, acknowledgeWithin: 5m, resolveWithin: 1h }
      """;

  @Test
  void eachNamedThingIsItsOwnEntryAndOrderedListsStayWhole() {
    List<ConfigEntry> entries = ConfigDocument.split(SMALL, "test");

    assertThat(entries)
        .extracting(ConfigEntry::key)
        .containsExactly(
            "USER/bob",
            "USER/alice",
            "ESCALATION_POLICY/p",
            "SERVICE/payments",
            "CLASSIFICATION/all",
            "SLA_TARGETS/all");
    assertThat(entries.get(0).json()).isEqualTo("{\"id\":\"bob\",\"name\":\"Bob\"}");
    assertThat(entries.get(4).json())
        .startsWith("[{\"when\":{\"severity\":\"critical\"},\"priority\":\"P1\"");
  }

  @Test
  void theExampleDocumentSurvivesSplittingAndJoining() throws Exception {
    String text = Files.readString(EXAMPLE);
    VigilConfig original = VigilConfigLoader.parse(text, "example");

    VigilConfig joined = ConfigDocument.load(ConfigDocument.split(text, "example"), "entries");

    assertThat(joined.users()).isEqualTo(sortedById(original.users(), User::id));
    assertThat(joined.teams()).isEqualTo(sortedById(original.teams(), Team::id));
    assertThat(joined.escalationPolicies())
        .isEqualTo(sortedById(original.escalationPolicies(), EscalationPolicy::id));
    assertThat(joined.schedules()).isEqualTo(sortedById(original.schedules(), Schedule::id));
    assertThat(joined.services()).isEqualTo(sortedById(original.services(), Service::id));
    assertThat(joined.classification()).isEqualTo(original.classification());
    assertThat(joined.sla()).isEqualTo(original.sla());
  }

  @Test
  void theYamlRenderingReadsBackAsTheSameDocument() {
    List<ConfigEntry> entries = ConfigDocument.split(SMALL, "test");

    String yaml = ConfigDocument.joinAsYaml(entries);

    assertThat(yaml).startsWith("apiVersion: vigil/v1\nusers:\n- id: alice\n");
    assertThat(ConfigDocument.split(yaml, "again")).containsExactlyInAnyOrderElementsOf(entries);
  }

  @Test
  void aPhoneNumberWrittenWithoutQuotesKeepsItsPlusThroughTheTopicAndBack() {
    String unquoted =
        SMALL.replace(
            "- { id: alice, name: Alice }",
            "- { id: alice, name: Alice, contactMethods: [ { id: a-sms, type: sms, number:"
                + " +6281200000001 } ] }");
    List<ConfigEntry> entries = ConfigDocument.split(unquoted, "test");

    VigilConfig published = ConfigDocument.load(entries, "vigil.config.v1");
    String yaml = ConfigDocument.joinAsYaml(entries);

    assertThat(published.users().get(0).contactMethods().get(0).number())
        .isEqualTo("+6281200000001");
    assertThat(yaml).contains("number: \"+6281200000001\"");
    assertThat(ConfigDocument.split(yaml, "again")).containsExactlyInAnyOrderElementsOf(entries);
  }

  @Test
  void anInvalidDocumentIsRefusedWithEveryProblemBeforeAnythingIsSplit() {
    String broken = SMALL.replace("escalationPolicy: p", "escalationPolicy: nobody");

    assertThatThrownBy(() -> ConfigDocument.split(broken, "PUT /api/v1/config"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PUT /api/v1/config")
        .hasMessageContaining("services[0].escalationPolicy");
  }

  @Test
  void entriesThatNoLongerFormAValidDocumentAreRefusedWhole() {
    List<ConfigEntry> entries = new ArrayList<>(ConfigDocument.split(SMALL, "test"));
    entries.removeIf(e -> e.key().equals("ESCALATION_POLICY/p"));

    assertThatThrownBy(() -> ConfigDocument.load(entries, "vigil.config.v1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'p'");
  }

  private static <T> List<T> sortedById(List<T> items, java.util.function.Function<T, String> id) {
    return items.stream().sorted(java.util.Comparator.comparing(id)).toList();
  }
}
