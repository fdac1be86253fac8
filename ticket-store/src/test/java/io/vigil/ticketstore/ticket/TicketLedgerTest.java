package io.vigil.ticketstore.ticket;

import static io.vigil.ticketstore.Events.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.micronaut.context.ApplicationContext;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.TestDatabase;
import io.vigil.ticketstore.feed.EscalationEventMapping;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.feed.NotificationEventMapping;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger against a real database: events apply once, in any order, to the same tickets. */
class TicketLedgerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:15:30.123Z");

  private final List<TestDatabase> databases = new ArrayList<>();
  private final List<ApplicationContext> contexts = new ArrayList<>();

  private TicketLedger ledger;
  private TicketLookup lookup;

  @BeforeEach
  void start() {
    ApplicationContext context = context();
    ledger = context.getBean(TicketLedger.class);
    lookup = context.getBean(TicketLookup.class);
  }

  @AfterEach
  void stop() throws Exception {
    for (ApplicationContext context : contexts) {
      context.close();
    }
    for (TestDatabase database : databases) {
      database.close();
    }
  }

  private ApplicationContext context() {
    TestDatabase database = TestDatabase.create();
    databases.add(database);
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.put("kafka.enabled", false);
    ApplicationContext context = ApplicationContext.run(properties);
    contexts.add(context);
    return context;
  }

  /** Every event of two incidents' lives, across the three topics. */
  private static List<TicketEvent> history() {
    return List.of(
        IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)),
        EscalationEventMapping.toTicketEvent(
            Events.fired("inc-1", 1, List.of(user("alice", "schedule:payments-primary")), T0)),
        NotificationEventMapping.toTicketEvent(
            Events.delivery(
                "inc-1", "alice", Channel.WEBHOOK, DeliveryOutcome.DELIVERED, T0.plusSeconds(1))),
        IncidentEventMapping.toTicketEvent(Events.grouped("inc-1", 2, T0.plusSeconds(20))),
        IncidentEventMapping.toTicketEvent(Events.grouped("inc-1", 3, T0.plusSeconds(40))),
        NotificationEventMapping.toTicketEvent(
            Events.delivery(
                "inc-1", "alice", Channel.SMS, DeliveryOutcome.FAILED, T0.plusSeconds(120))),
        EscalationEventMapping.toTicketEvent(Events.skipped("inc-1", 2, T0.plusSeconds(300))),
        EscalationEventMapping.toTicketEvent(
            Events.fired(
                "inc-1", 3, List.of(user("carol", "team:platform-leads")), T0.plusSeconds(300))),
        IncidentEventMapping.toTicketEvent(
            Events.acknowledged("inc-1", "carol", T0.plusSeconds(360))),
        EscalationEventMapping.toTicketEvent(Events.cancelled("inc-1", T0.plusSeconds(360))),
        IncidentEventMapping.toTicketEvent(
            Events.note("inc-1", "carol", "rolled back deploy 42", T0.plusSeconds(400))),
        IncidentEventMapping.toTicketEvent(Events.resolved("inc-1", "carol", T0.plusSeconds(600))),
        IncidentEventMapping.toTicketEvent(Events.opened("inc-2", "search", T0.plusSeconds(30))),
        IncidentEventMapping.toTicketEvent(Events.reclassified("inc-2", T0.plusSeconds(50))),
        IncidentEventMapping.toTicketEvent(Events.resolved("inc-2", "bob", T0.plusSeconds(70))),
        IncidentEventMapping.toTicketEvent(Events.reopened("inc-2", T0.plusSeconds(90))));
  }

  private static Map<String, Object> snapshot(TicketLookup lookup) {
    return Map.of(
        "tickets",
        lookup.list(new TicketQuery(Optional.empty(), Optional.empty(), 500)),
        "inc-1",
        lookup.timeline("inc-1"),
        "inc-2",
        lookup.timeline("inc-2"));
  }

  @Test
  void applyingEveryEventTwiceGivesTheSameTicketsAndTimelinesAsApplyingItOnce() {
    List<TicketEvent> history = history();
    history.forEach(ledger::apply);
    Map<String, Object> once = snapshot(lookup);

    TicketLookup replayedLookup;
    ApplicationContext replayed = context();
    TicketLedger replayedLedger = replayed.getBean(TicketLedger.class);
    replayedLookup = replayed.getBean(TicketLookup.class);
    for (TicketEvent event : history) {
      assertThat(replayedLedger.apply(event)).as("first application").isTrue();
      assertThat(replayedLedger.apply(event)).as("immediate redelivery").isFalse();
    }
    for (TicketEvent event : history) {
      assertThat(replayedLedger.apply(event)).as("replay from the start").isFalse();
    }

    assertThat(snapshot(replayedLookup)).isEqualTo(once);
    assertThat(lookup.timeline("inc-1")).hasSize(12);
    assertThat(lookup.timeline("inc-2")).hasSize(4);
  }

  @Test
  void aTicketFollowsItsIncidentsLifecycle() {
    history().forEach(ledger::apply);

    Ticket first = lookup.find("inc-1").orElseThrow();
    assertThat(first)
        .isEqualTo(
            new Ticket(
                "inc-1",
                "payments",
                "cpu-high",
                "CPU above 90% on payments",
                "CRITICAL",
                "P1",
                "CRITICAL",
                "HIGH",
                TicketStatus.RESOLVED,
                3,
                T0,
                T0.plusSeconds(40),
                T0.plusSeconds(360),
                T0.plusSeconds(600),
                "payments",
                T0.plusSeconds(600)));
    Ticket second = lookup.find("inc-2").orElseThrow();
    assertThat(second.status()).isEqualTo(TicketStatus.TRIGGERED);
    assertThat(second.resolvedAt()).isNull();
    assertThat(
            List.of(second.severity(), second.priority(), second.incidentClass(), second.urgency()))
        .containsExactly("WARNING", "P3", "MAJOR", "LOW");
  }

  @Test
  void theTimelineReadsInTheOrderThingsHappenedWhateverTheOrderTheyArrived() {
    ledger.apply(
        NotificationEventMapping.toTicketEvent(
            Events.delivery(
                "inc-7", "alice", Channel.WEBHOOK, DeliveryOutcome.DELIVERED, T0.plusMillis(900))));
    ledger.apply(
        EscalationEventMapping.toTicketEvent(
            Events.fired(
                "inc-7",
                1,
                List.of(user("alice", "schedule:payments-primary")),
                T0.plusMillis(400))));
    assertThat(lookup.find("inc-7")).as("no ticket before the incident is opened").isEmpty();
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-7", "payments", T0)));

    assertThat(lookup.timeline("inc-7"))
        .extracting(
            TimelineEntry::at, TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::summary)
        .containsExactly(
            tuple(
                T0,
                TimelineKind.OPENED,
                "classifier",
                "opened \"CPU above 90% on payments\" as P1 critical, high urgency"),
            tuple(
                T0.plusMillis(400),
                TimelineKind.PAGED,
                "escalation",
                "paged alice (level 1, via schedule:payments-primary)"),
            tuple(
                T0.plusMillis(900),
                TimelineKind.DELIVERED,
                "notifier",
                "delivered to alice by webhook"));
    assertThat(lookup.timeline("inc-7").get(1).details())
        .containsEntry("users", List.of("alice"))
        .containsEntry("level", 1)
        .containsEntry("policyId", "payments");
  }

  @Test
  void linesAtTheSameInstantKeepTheirArrivalOrder() {
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-8", "payments", T0)));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.note("inc-8", "bob", "first", T0)));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.note("inc-8", "bob", "second", T0)));

    assertThat(lookup.timeline("inc-8"))
        .extracting(TimelineEntry::summary)
        .containsExactly(
            "opened \"CPU above 90% on payments\" as P1 critical, high urgency", "first", "second");
  }

  @Test
  void listingIsNewestFirstAndFiltersByStatusAndService() {
    history().forEach(ledger::apply);
    ledger.apply(
        IncidentEventMapping.toTicketEvent(Events.opened("inc-3", "payments", T0.plusSeconds(90))));

    assertThat(lookup.list(TicketQuery.parse(null, null, null)))
        .extracting(Ticket::incidentId)
        .containsExactly("inc-3", "inc-2", "inc-1");
    assertThat(lookup.list(TicketQuery.parse("triggered", null, null)))
        .extracting(Ticket::incidentId)
        .containsExactly("inc-3", "inc-2");
    assertThat(lookup.list(TicketQuery.parse(null, "payments", "1")))
        .extracting(Ticket::incidentId)
        .containsExactly("inc-3");
    assertThat(lookup.list(TicketQuery.parse("ACKNOWLEDGED", "payments", null))).isEmpty();
  }

  @Test
  void aWholePollInOneTransactionGivesWhatEventByEventGives() {
    history().forEach(ledger::apply);
    Map<String, Object> eventByEvent = snapshot(lookup);

    ApplicationContext batched = context();
    TicketLedger batchLedger = batched.getBean(TicketLedger.class);
    List<TicketEvent> pollWithRedeliveries = new ArrayList<>(history());
    pollWithRedeliveries.addAll(history().subList(0, 5));

    assertThat(batchLedger.applyAll(pollWithRedeliveries)).as("new events").isEqualTo(16);
    assertThat(batchLedger.applyAll(history())).as("the poll replayed").isZero();
    assertThat(snapshot(batched.getBean(TicketLookup.class))).isEqualTo(eventByEvent);
  }

  @Test
  void aPollTheDatabaseRefusesAppliesNothingAndCanBeRetried() {
    TicketEvent good = IncidentEventMapping.toTicketEvent(Events.opened("inc-9", "payments", T0));
    // A service id longer than its column: the timeline line is written, the ticket is not.
    TicketEvent tooLong =
        IncidentEventMapping.toTicketEvent(Events.opened("inc-10", "s".repeat(300), T0));

    assertThatThrownBy(() -> ledger.applyAll(List.of(good, tooLong)))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class, e -> assertThat(e.unreachable()).isFalse())
        .hasMessageStartingWith(
            "cannot apply 2 events, the first incidents event inc-9:opened of incident inc-9: ");
    assertThat(lookup.find("inc-9")).isEmpty();
    assertThat(lookup.timeline("inc-9")).isEmpty();

    assertThat(ledger.applyAll(List.of(good))).isEqualTo(1);
    assertThat(lookup.find("inc-9")).isPresent();
  }

  @Test
  void anIncidentOpenedAgainReplacesItsTicketInTheOrderOfThePoll() {
    TicketEvent first = IncidentEventMapping.toTicketEvent(Events.opened("inc-11", "payments", T0));
    TicketEvent acknowledged =
        IncidentEventMapping.toTicketEvent(Events.acknowledged("inc-11", "bob", T0.plusSeconds(5)));
    TicketEvent openedAgain =
        new TicketEvent(
            new TimelineEntry(
                "incidents",
                "inc-11:opened-again",
                "inc-11",
                T0.plusSeconds(9),
                TimelineKind.OPENED,
                "classifier",
                "opened again",
                Map.of()),
            new TicketChange.Open(
                "search",
                "disk",
                "Disk full",
                "ERROR",
                "P3",
                "MAJOR",
                "LOW",
                null,
                T0.plusSeconds(9)));

    assertThat(ledger.applyAll(List.of(first, acknowledged, openedAgain))).isEqualTo(3);

    Ticket ticket = lookup.find("inc-11").orElseThrow();
    assertThat(List.of(ticket.serviceId(), ticket.title(), ticket.priority()))
        .containsExactly("search", "Disk full", "P3");
    assertThat(ticket.status()).isEqualTo(TicketStatus.TRIGGERED);
    assertThat(ticket.acknowledgedAt()).isNull();
    assertThat(ticket.firstSeen()).isEqualTo(T0.plusSeconds(9));
  }
}
