package io.vigil.notifier.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.config.ConfigException;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NotificationPlanTest {

  private static final VigilConfig CONFIG =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users:
            - id: alice
              contactMethods:
                - { id: alice-hook, type: webhook, url: "https://h/alice", secrets: ["0123456789abcdef", "fedcba9876543210"] }
                - { id: alice-sms, type: sms, number: "+6281200000001" }
                - { id: alice-mail, type: email, address: alice@example.com }
              notificationRules:
                high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-sms, after: 2m } ]
                low:  [ { contactMethod: alice-mail, after: 0s } ]
          """,
          "test");

  private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

  private static Page page(Page.Urgency urgency, String... users) {
    return new Page(
        "e1", "inc-1", "payments", "Disk", "P1", urgency, 1, 1, "INITIAL", List.of(users));
  }

  @Test
  void eachPagedUserGetsTheStepsOfTheUrgencyTimedFromThePage() {
    List<ScheduledStep> steps =
        new NotificationPlan(() -> CONFIG)
            .stepsOf(page(Page.Urgency.HIGH, "alice", "mallory", "alice"), T0);

    assertThat(steps)
        .extracting(ScheduledStep::attemptId, s -> Instant.ofEpochMilli(s.dueAtMillis()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e1/alice/alice-hook/0", T0),
            org.assertj.core.groups.Tuple.tuple("e1/alice/alice-sms/1", T0.plusSeconds(120)));
    assertThat(new NotificationPlan(() -> CONFIG).stepsOf(page(Page.Urgency.LOW, "alice"), T0))
        .extracting(ScheduledStep::attemptId)
        .containsExactly("e1/alice/alice-mail/0");
  }

  @Test
  void aStepIsSentOverItsContactMethodAsConfiguredWhenItIsSent() {
    AtomicReference<VigilConfig> live = new AtomicReference<>(CONFIG);
    NotificationPlan plan = new NotificationPlan(live::get);
    ScheduledStep first = plan.stepsOf(page(Page.Urgency.HIGH, "alice"), T0).get(0);
    assertThat(plan.attemptOf(first).orElseThrow().contactMethod().url())
        .isEqualTo("https://h/alice");

    live.set(
        VigilConfigLoader.parse(
            """
            apiVersion: vigil/v1
            users:
              - id: alice
                contactMethods:
                  - { id: alice-hook, type: webhook, url: "https://h/alice-new" }
                notificationRules:
                  high: [ { contactMethod: alice-hook, after: 0s } ]
            """,
            "test"));

    Attempt attempt = plan.attemptOf(first).orElseThrow();
    assertThat(attempt.contactMethod().url()).isEqualTo("https://h/alice-new");
    assertThat(attempt.contactMethod().signingSecrets()).isEmpty();
    assertThat(plan.attemptOf(plan.stepsOf(page(Page.Urgency.HIGH, "alice"), T0).get(0)))
        .map(Attempt::id)
        .contains("e1/alice/alice-hook/0");
  }

  @Test
  void aStepWhoseContactMethodWasRemovedBecomesNoAttempt() {
    NotificationPlan plan = new NotificationPlan(() -> CONFIG);
    ScheduledStep gone =
        new ScheduledStep(page(Page.Urgency.HIGH, "alice"), "alice", "alice-fax", 0, 0);

    assertThat(plan.attemptOf(gone)).isEmpty();
    assertThat(
            plan.attemptOf(plan.stepsOf(page(Page.Urgency.HIGH, "alice"), T0).get(0))
                .orElseThrow()
                .contactMethod()
                .signingSecrets())
        .containsExactly("0123456789abcdef", "fedcba9876543210");
  }

  @Test
  void shortOrMisplacedSecretsAreConfigurationErrors() {
    assertThatThrownBy(
            () ->
                VigilConfigLoader.parse(
                    """
                    apiVersion: vigil/v1
                    users:
                      - id: bob
                        contactMethods:
                          - { id: bob-hook, type: webhook, url: "https://h/bob", secret: short }
                          - { id: bob-mail, type: email, address: bob@example.com, secrets: ["0123456789abcdef"] }
                    """,
                    "test"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "users[0].contactMethods[0].secrets: a secret needs at least 16 characters (openssl rand -hex 16)")
        .hasMessageContaining(
            "users[0].contactMethods[1].secrets: only webhook contact methods are signed; remove it");
  }
}
