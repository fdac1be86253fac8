package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A catalogue of broken documents and the exact problems each must report. */
class ConfigValidatorTest {

  private static List<String> problems(String yaml) {
    try {
      VigilConfigLoader.parse("apiVersion: vigil/v1\n" + yaml, "test.yaml");
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the document to be refused");
  }

  @Test
  void danglingReferencesAreNamed() {
    assertThat(
            problems(
                """
                teams:
                  - { id: leads, members: [zoe] }
                escalationPolicies:
                  - id: p
                    levels:
                      - { targets: [ { schedule: nope } ], escalateAfter: 5m }
                      - { targets: [ { team: ghosts } ] }
                services:
                  - { id: web, escalationPolicy: missing }
                """))
        .containsExactly(
            "teams[0].members[0]: no user 'zoe'",
            "escalationPolicies[0].levels[0].targets[0].schedule: no schedule 'nope'",
            "escalationPolicies[0].levels[1].targets[0].team: no team 'ghosts'",
            "services[0].escalationPolicy: no escalation policy 'missing'");
  }

  @Test
  void contactMethodsNeedTheirAddress() {
    assertThat(
            problems(
                """
                users:
                  - id: al
                    timeZone: Mars/Olympus
                    contactMethods:
                      - { id: a, type: webhook, url: "ftp://x" }
                      - { id: b, type: email, address: nobody }
                      - { id: c, type: sms, number: "0812" }
                    notificationRules:
                      high: [ { contactMethod: z } ]
                """))
        .containsExactly(
            "users[0].timeZone: 'Mars/Olympus' is not a time zone (use e.g. Europe/Berlin or UTC)",
            "users[0].contactMethods[0].url: a webhook contact method needs an http(s) url",
            "users[0].contactMethods[1].address: an email contact method needs an address like a@example.com",
            "users[0].contactMethods[2].number: '0812' is not an E.164 number like +6281200000001",
            "users[0].notificationRules.high[0].contactMethod: user 'al' has no contact method 'z'");
  }

  @Test
  void integrationKeysAreHexAndUnique() {
    assertThat(
            problems(
                """
                users: [ { id: u } ]
                escalationPolicies: [ { id: p, levels: [ { targets: [ { user: u } ] } ] } ]
                services:
                  - id: a
                    escalationPolicy: p
                    integrations:
                      - { type: events-v2, key: "11111111111111111111111111111111" }
                      - { type: alertmanager, key: "secret" }
                  - id: b
                    tier: 7
                    escalationPolicy: p
                    integrations:
                      - { type: grafana, key: "11111111111111111111111111111111" }
                """))
        .containsExactly(
            "services[0].integrations[1].key: must be 32 lower-case hex characters",
            "services[1].tier: must be 1 (most critical) to 5, got 7",
            "services[1].integrations[0].key: already used by another integration; keys must be unique");
  }

  @Test
  void unknownIntegrationTypeIsNamed() {
    assertThat(
            problems(
                """
                services:
                  - id: a
                    integrations: [ { type: nagios, key: "x" } ]
                """))
        .containsExactly(
            "services[0].integrations[0].type: unknown integration type 'nagios': use events-v2, alertmanager or grafana (line 4)");
  }

  @Test
  void classificationNeedsValidValuesAndADefault() {
    assertThat(
            problems(
                """
                classification:
                  - { when: { severity: fatal, labels: { team: "~[" } }, priority: P9, class: huge, urgency: now }
                """))
        .containsExactly(
            "classification[0].priority: must be P1 to P5, got 'P9'",
            "classification[0].class: must be critical, major or minor, got 'huge'",
            "classification[0].urgency: must be high or low, got 'now'",
            "classification[0].when.severity: must be critical, error, warning or info, got 'fatal'",
            "classification[0].when.labels.team: invalid regular expression: Unclosed character class",
            "classification: add a default rule with an empty 'when: {}' as the last rule");
  }

  @Test
  void duplicateIdsAndEmptyLevelsAreNamed() {
    assertThat(
            problems(
                """
                users: [ { id: u }, { id: u } ]
                escalationPolicies:
                  - { id: p, repeat: 12, levels: [] }
                schedules:
                  - id: s
                    layers: [ { start: "2026-01-05T09:00", shift: 1d, users: [] } ]
                """))
        .containsExactly(
            "users[1].id: 'u' is defined twice",
            "schedules[0].layers[0].users: a layer needs at least one user",
            "escalationPolicies[0].levels: a policy needs at least one level",
            "escalationPolicies[0].repeat: must be between 0 and 9, got 12");
  }

  @Test
  void anEmptyDocumentIsRefused() {
    assertThatThrownBy(() -> VigilConfigLoader.parse("", "empty.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid configuration empty.yaml");
  }
}
