package io.vigil.ticketstore.feed;

import static io.vigil.ticketstore.Events.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.Channel;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.ticket.TicketChange;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each topic's events say on the timeline and do to the ticket. */
class EventMappingTest {

  private static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

  @Test
  void listenersReadTheTopicsOfTheCatalogue() {
    assertThat(IncidentEventsListener.TOPIC).isEqualTo(Topics.INCIDENTS.name());
    assertThat(EscalationEventsListener.TOPIC).isEqualTo(Topics.ESCALATIONS.name());
    assertThat(NotificationEventsListener.TOPIC).isEqualTo(Topics.NOTIFICATIONS.name());
  }

  @Test
  void openedCreatesTheTicket() {
    TicketEvent event = IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", AT));

    assertThat(event.entry().source()).isEqualTo("incidents");
    assertThat(event.entry().eventId()).isEqualTo("inc-1:opened");
    assertThat(event.entry().kind()).isEqualTo(TimelineKind.OPENED);
    assertThat(event.change())
        .isEqualTo(
            new TicketChange.Open(
                "payments",
                "cpu-high",
                "CPU above 90% on payments",
                "CRITICAL",
                "P1",
                "CRITICAL",
                "HIGH",
                "payments",
                AT));
  }

  @Test
  void incidentFactsReadAsSentences() {
    assertThat(summary(Events.grouped("inc-1", 3, AT)))
        .isEqualTo("alert grouped, 3 alerts in total: CPU 95%");
    assertThat(summary(Events.reclassified("inc-1", AT)))
        .isEqualTo("reclassified as P3 major, low urgency: severity dropped to warning");
    assertThat(summary(Events.acknowledged("inc-1", "alice", AT)))
        .isEqualTo("acknowledged by alice");
    assertThat(summary(Events.resolved("inc-1", "bob", AT))).isEqualTo("resolved by bob");
    assertThat(summary(Events.reopened("inc-1", AT))).isEqualTo("reopened: alert fired again");
    assertThat(
            IncidentEventMapping.toTicketEvent(Events.note("inc-1", "bob", "checking db", AT))
                .entry())
        .extracting(e -> e.kind(), e -> e.actor(), e -> e.summary())
        .containsExactly(TimelineKind.NOTE, "bob", "checking db");
  }

  @Test
  void aFiredEscalationNamesWhoWasPagedAndThroughWhat() {
    assertThat(
            paged(
                Events.fired("inc-1", 1, List.of(user("alice", "schedule:payments-primary")), AT)))
        .isEqualTo("paged alice (level 1, via schedule:payments-primary)");
    assertThat(paged(Events.fired("inc-1", 2, List.of(user("bob", null)), AT)))
        .isEqualTo("paged bob (level 2, nobody acknowledged in time)");
    assertThat(
            paged(
                Events.fired(
                    "inc-1",
                    3,
                    List.of(user("carol", "team:platform-leads"), user("dave", null)),
                    AT)))
        .isEqualTo(
            "paged carol via team:platform-leads, dave (level 3, nobody acknowledged in time)");
    assertThat(paged(Events.fired("inc-1", 1, List.of(), AT))).isEqualTo("paged nobody (level 1)");
  }

  @Test
  void skippedAndCancelledEscalationsSayWhy() {
    assertThat(
            EscalationEventMapping.toTicketEvent(Events.skipped("inc-1", 2, AT)).entry().summary())
        .isEqualTo("skipped level 2: nobody is on call for schedule:payments-secondary");
    assertThat(
            EscalationEventMapping.toTicketEvent(Events.cancelled("inc-1", AT)).entry().summary())
        .isEqualTo("escalation stopped: acknowledged by alice");
  }

  @Test
  void deliveriesSayToWhomAndHow() {
    assertThat(
            NotificationEventMapping.toTicketEvent(
                    Events.delivery(
                        "inc-1", "alice", Channel.WEBHOOK, DeliveryOutcome.DELIVERED, AT))
                .entry())
        .extracting(e -> e.kind(), e -> e.summary())
        .containsExactly(TimelineKind.DELIVERED, "delivered to alice by webhook");
    assertThat(
            NotificationEventMapping.toTicketEvent(
                    Events.delivery("inc-1", "alice", Channel.WEBHOOK, DeliveryOutcome.SENT, AT))
                .entry())
        .extracting(e -> e.kind(), e -> e.summary())
        .containsExactly(TimelineKind.SENDING, "sending to alice by webhook");
    assertThat(
            NotificationEventMapping.toTicketEvent(
                    Events.delivery("inc-1", "alice", Channel.SMS, DeliveryOutcome.FAILED, AT))
                .entry())
        .extracting(e -> e.kind(), e -> e.summary())
        .containsExactly(
            TimelineKind.DELIVERY_FAILED,
            "delivery to alice by sms failed (try 3): HTTP 503 from provider");
  }

  @Test
  void anEventWithoutBodyIsRejected() {
    IncidentEvent empty = Events.opened("inc-1", "payments", AT);
    empty.setEvent(null);
    assertThatThrownBy(() -> IncidentEventMapping.toTicketEvent(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown incident event null in inc-1:opened");
    assertThatThrownBy(() -> IncidentEventMapping.toTicketEvent(null))
        .hasMessage("incident record has no value");
  }

  private static String summary(IncidentEvent event) {
    return IncidentEventMapping.toTicketEvent(event).entry().summary();
  }

  private static String paged(EscalationEvent event) {
    TicketEvent mapped = EscalationEventMapping.toTicketEvent(event);
    assertThat(mapped.entry().kind()).isEqualTo(TimelineKind.PAGED);
    assertThat(mapped.change()).isEqualTo(new TicketChange.TimelineOnly());
    return mapped.entry().summary();
  }
}
