package io.vigil.notifier.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.ContactMethod;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageDispatcherTest {

  private static final VigilConfig CONFIG =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users:
            - id: alice
              name: Alice
              contactMethods:
                - { id: alice-hook, type: webhook, url: "http://127.0.0.1:9/alice" }
                - { id: alice-mail, type: email, address: alice@example.com }
                - { id: alice-sms, type: sms, number: "+6281200000001" }
              notificationRules:
                high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-mail, after: 0s },
                        { contactMethod: alice-sms, after: 2m } ]
                low:  [ { contactMethod: alice-mail, after: 0s } ]
            - id: bob
              name: Bob
              contactMethods:
                - { id: bob-hook, type: webhook, url: "http://127.0.0.1:9/bob" }
              notificationRules:
                high: [ { contactMethod: bob-hook, after: 0s } ]
          """,
          "test");

  /** Records what it was asked to send and answers DELIVERED. */
  private final List<String> sent = new ArrayList<>();

  private final ChannelSender webhook =
      attempt -> {
        sent.add(attempt.id());
        return new Delivery(Delivery.Outcome.DELIVERED, 1, "HTTP 200");
      };

  /** An in-memory log standing in for vigil.notifications.v1. */
  private final Set<String> recordedIds = new HashSet<>();

  private final List<Delivery> recorded = new ArrayList<>();

  private final DeliveryLog log =
      new DeliveryLog() {
        @Override
        public boolean isRecorded(String attemptId) {
          return recordedIds.contains(attemptId);
        }

        @Override
        public void record(Attempt attempt, Delivery delivery) {
          recordedIds.add(attempt.id());
          recorded.add(delivery);
        }
      };

  private final PageDispatcher dispatcher =
      new PageDispatcher(CONFIG, Map.of(ContactMethod.ContactType.WEBHOOK, webhook), log);

  private static Page page(String eventId, Page.Urgency urgency, String... users) {
    return new Page(
        eventId, "inc-1", "payments", "Disk full", "P1", urgency, 1, 1, "INITIAL", List.of(users));
  }

  @Test
  void highUrgencySendsTheStepsDueNowAndLeavesDelayedOnesPending() {
    List<PageDispatcher.Result> results =
        dispatcher.dispatch(page("esc-1", Page.Urgency.HIGH, "alice"));

    assertThat(sent).containsExactly("esc-1/alice/alice-hook/0");
    assertThat(results)
        .extracting(r -> r.attempt().id(), PageDispatcher.Result::delivery)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "esc-1/alice/alice-hook/0",
                new Delivery(Delivery.Outcome.DELIVERED, 1, "HTTP 200")),
            org.assertj.core.groups.Tuple.tuple(
                "esc-1/alice/alice-mail/1",
                new Delivery(Delivery.Outcome.SKIPPED, 0, "channel email not yet supported")));
    assertThat(recordedIds)
        .containsExactlyInAnyOrder("esc-1/alice/alice-hook/0", "esc-1/alice/alice-mail/1");
  }

  @Test
  void lowUrgencyUsesTheLowRules() {
    dispatcher.dispatch(page("esc-2", Page.Urgency.LOW, "alice", "bob"));

    assertThat(sent).isEmpty();
    assertThat(recordedIds).containsExactly("esc-2/alice/alice-mail/0");
  }

  @Test
  void aRedeliveredEscalationIsNotSentTwice() {
    dispatcher.dispatch(page("esc-3", Page.Urgency.HIGH, "bob"));
    List<PageDispatcher.Result> again =
        dispatcher.dispatch(page("esc-3", Page.Urgency.HIGH, "bob"));

    assertThat(again).isEmpty();
    assertThat(sent).containsExactly("esc-3/bob/bob-hook/0");
    assertThat(recorded).hasSize(1);
  }

  @Test
  void aUserPagedTwiceInOneEventIsReachedOnceAndUnknownUsersAreSkipped() {
    dispatcher.dispatch(page("esc-4", Page.Urgency.HIGH, "bob", "mallory", "bob"));

    assertThat(sent).containsExactly("esc-4/bob/bob-hook/0");
  }
}
