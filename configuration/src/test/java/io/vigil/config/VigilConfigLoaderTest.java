package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class VigilConfigLoaderTest {

  private static final Path EXAMPLE = Path.of("../deploy/local/vigil.yaml");

  @Test
  void readsTheLocalStackExampleIntoTypedRecords() {
    VigilConfig config = VigilConfigLoader.load(EXAMPLE);

    User alice = config.user("alice").orElseThrow();
    assertThat(alice.timeZone()).isEqualTo("Asia/Jakarta");
    assertThat(alice.contactMethod("alice-hook").orElseThrow().type())
        .isEqualTo(ContactMethod.ContactType.WEBHOOK);
    assertThat(alice.notificationRules().high())
        .containsExactly(
            new NotificationRule("alice-hook", Duration.ZERO),
            new NotificationRule("alice-sms", Duration.ofMinutes(2)));

    Schedule schedule = config.schedule("payments-primary").orElseThrow();
    assertThat(schedule.layers().get(0).start()).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 0));
    assertThat(schedule.layers().get(0).shift()).isEqualTo(Duration.ofDays(7));

    EscalationPolicy policy = config.escalationPolicy("payments").orElseThrow();
    assertThat(policy.levels()).hasSize(3);
    assertThat(policy.levels().get(0).targets().get(0).describe())
        .isEqualTo("schedule:payments-primary");
    assertThat(policy.levels().get(0).escalateAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.levels().get(2).escalateAfter()).isNull();

    Service payments = config.service("payments").orElseThrow();
    assertThat(payments.tier()).isEqualTo(1);
    assertThat(payments.isPublic()).isTrue();
    assertThat(payments.grouping().by()).containsExactly("alertname", "cluster");
    assertThat(payments.grouping().window()).isEqualTo(Duration.ofSeconds(30));

    assertThat(config.integrationByKey("11111111111111111111111111111111"))
        .hasValueSatisfying(
            m -> {
              assertThat(m.service().id()).isEqualTo("payments");
              assertThat(m.integration().type()).isEqualTo(Service.IntegrationType.EVENTS_V2);
            });
    assertThat(config.classification().get(0).incidentClass()).isEqualTo("critical");
  }

  @Test
  void refusesAnotherApiVersion() {
    assertThatThrownBy(() -> VigilConfigLoader.parse("apiVersion: vigil/v2\n", "test.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly("apiVersion: expected 'vigil/v1', found 'vigil/v2'"));
  }

  @Test
  void namesAnUnknownFieldWithItsPath() {
    String yaml =
        """
        apiVersion: vigil/v1
        users:
          - id: alice
            nmae: Alice
        """;
    assertThatThrownBy(() -> VigilConfigLoader.parse(yaml, "test.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(
                        "users[0].nmae: unknown field; known fields here: contactMethods, id,"
                            + " name, notificationRules, timeZone"));
  }

  @Test
  void namesABadDurationWithItsPath() {
    String yaml =
        """
        apiVersion: vigil/v1
        escalationPolicies:
          - id: p
            levels:
              - { targets: [], escalateAfter: 5 minutes }
        """;
    assertThatThrownBy(() -> VigilConfigLoader.parse(yaml, "test.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems().get(0))
                    .startsWith(
                        "escalationPolicies[0].levels[0].escalateAfter: '5 minutes' is not a duration"));
  }

  @Test
  void parsesAndPrintsDurations() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1w")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThatThrownBy(() -> Durations.parse("5"))
        .hasMessageContaining("use a whole number and a unit");
  }
}
