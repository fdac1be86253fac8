package io.vigil.ticketstore;

import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationLevelSkipped;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.NoteAdded;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the Avro events of the three topics the ticket store reads, as their writers would. */
public final class Events {

  static {
    // Avro 1.12 builds default values only for trusted classes; loading the serde registers
    // Vigil's package as trusted (TrustedSchemas is package-private in schemas).
    new AvroDeserializer<IncidentEvent>(new InMemorySchemaRegistryClient());
  }

  private Events() {}

  public static IncidentEvent opened(String incidentId, String serviceId, Instant at) {
    return incident(
        incidentId + ":opened",
        incidentId,
        serviceId,
        at,
        IncidentOpened.newBuilder()
            .setDedupKey("cpu-high")
            .setTitle("CPU above 90% on " + serviceId)
            .setSeverity(Severity.CRITICAL)
            .setPriority(Priority.P1)
            .setIncidentClass(IncidentClass.CRITICAL)
            .setUrgency(Urgency.HIGH)
            .setEscalationPolicyId(serviceId)
            .setAlertEventId("alert-1")
            .setFirstSeen(at)
            .setLabels(Map.of("cluster", "eu-1"))
            .build());
  }

  /** An incident opened with its own title, priority and class. */
  public static IncidentEvent openedAs(
      String incidentId,
      String serviceId,
      String title,
      Priority priority,
      IncidentClass incidentClass,
      Instant at) {
    return incident(
        incidentId + ":opened",
        incidentId,
        serviceId,
        at,
        IncidentOpened.newBuilder()
            .setDedupKey("key-" + incidentId)
            .setTitle(title)
            .setSeverity(Severity.ERROR)
            .setPriority(priority)
            .setIncidentClass(incidentClass)
            .setUrgency(Urgency.HIGH)
            .setEscalationPolicyId(serviceId)
            .setAlertEventId("alert-" + incidentId)
            .setFirstSeen(at)
            .setLabels(Map.of())
            .build());
  }

  public static IncidentEvent grouped(String incidentId, long count, Instant at) {
    return incident(
        incidentId + ":grouped:" + count,
        incidentId,
        "payments",
        at,
        AlertGrouped.newBuilder()
            .setDedupKey("cpu-high")
            .setAlertEventId("alert-" + count)
            .setAlertCount(count)
            .setLastSeen(at)
            .setSummary("CPU 95%")
            .build());
  }

  public static IncidentEvent reclassified(String incidentId, Instant at) {
    return incident(
        incidentId + ":reclassified",
        incidentId,
        "payments",
        at,
        IncidentReclassified.newBuilder()
            .setSeverity(Severity.WARNING)
            .setPriority(Priority.P3)
            .setIncidentClass(IncidentClass.MAJOR)
            .setUrgency(Urgency.LOW)
            .setReason("severity dropped to warning")
            .build());
  }

  public static IncidentEvent acknowledged(String incidentId, String actor, Instant at) {
    return incident(
        incidentId + ":ack",
        incidentId,
        "payments",
        at,
        IncidentAcknowledged.newBuilder().setActor(actor).setCommandId("cmd-ack").build());
  }

  public static IncidentEvent resolved(String incidentId, String actor, Instant at) {
    return incident(
        incidentId + ":resolved",
        incidentId,
        "payments",
        at,
        IncidentResolved.newBuilder().setActor(actor).build());
  }

  /** The classifier's resolution of command {@code commandId}. */
  public static IncidentEvent resolvedBy(
      String incidentId, String commandId, String actor, Instant at) {
    return incident(
        incidentId + ":resolved:" + commandId,
        incidentId,
        "payments",
        at,
        IncidentResolved.newBuilder().setActor(actor).setCommandId(commandId).build());
  }

  public static IncidentEvent reopened(String incidentId, Instant at) {
    return incident(
        incidentId + ":reopened",
        incidentId,
        "payments",
        at,
        IncidentReopened.newBuilder().setReason("alert fired again").build());
  }

  public static IncidentEvent note(String incidentId, String actor, String text, Instant at) {
    return incident(
        incidentId + ":note:" + text.hashCode(),
        incidentId,
        "payments",
        at,
        NoteAdded.newBuilder().setActor(actor).setText(text).build());
  }

  /** The classifier's note for command {@code commandId}. */
  public static IncidentEvent noteBy(
      String incidentId, String commandId, String actor, String text, Instant at) {
    return incident(
        incidentId + ":note:" + commandId,
        incidentId,
        "payments",
        at,
        NoteAdded.newBuilder().setActor(actor).setText(text).setCommandId(commandId).build());
  }

  /** The classifier's acknowledgement of command {@code commandId}. */
  public static IncidentEvent acknowledgedBy(
      String incidentId, String commandId, String actor, Instant at) {
    return incident(
        incidentId + ":ack:" + commandId,
        incidentId,
        "payments",
        at,
        IncidentAcknowledged.newBuilder().setActor(actor).setCommandId(commandId).build());
  }

  /** The classifier's refusal of command {@code commandId}. */
  public static IncidentEvent rejected(
      String incidentId, String commandId, String action, String actor, String reason, Instant at) {
    return incident(
        incidentId + ":rejected:" + commandId,
        incidentId,
        "payments",
        at,
        io.vigil.schemas.CommandRejected.newBuilder()
            .setCommandId(commandId)
            .setAction(action)
            .setActor(actor)
            .setReason(reason)
            .build());
  }

  /** A measured response time on {@code vigil.sla.v1}. */
  public static io.vigil.schemas.SlaEvent responseTime(
      String serviceId,
      String incidentId,
      Priority priority,
      io.vigil.schemas.SlaMetric metric,
      long millis,
      Instant at) {
    return io.vigil.schemas.SlaEvent.newBuilder()
        .setEventId(incidentId + ":sla:" + metric)
        .setServiceId(serviceId)
        .setOccurredAt(at)
        .setEvent(
            io.vigil.schemas.ResponseTimeRecorded.newBuilder()
                .setIncidentId(incidentId)
                .setPriority(priority)
                .setMetric(metric)
                .setMillis(millis)
                .build())
        .build();
  }

  /** A missed target on {@code vigil.sla.v1}. */
  public static io.vigil.schemas.SlaEvent breach(
      String serviceId,
      String incidentId,
      Priority priority,
      io.vigil.schemas.SlaMetric metric,
      long targetMillis,
      Instant at) {
    return io.vigil.schemas.SlaEvent.newBuilder()
        .setEventId(incidentId + ":breach:" + metric)
        .setServiceId(serviceId)
        .setOccurredAt(at)
        .setEvent(
            io.vigil.schemas.SlaBreached.newBuilder()
                .setIncidentId(incidentId)
                .setPriority(priority)
                .setMetric(metric)
                .setTargetMillis(targetMillis)
                .build())
        .build();
  }

  /** A deploy on {@code vigil.changes.v1}. */
  public static io.vigil.schemas.ChangeEvent change(
      String eventId, String serviceId, String summary, Instant at) {
    return io.vigil.schemas.ChangeEvent.newBuilder()
        .setEventId(eventId)
        .setServiceId(serviceId)
        .setSummary(summary)
        .setSource("ci")
        .setLinks(
            List.of(
                io.vigil.schemas.Link.newBuilder()
                    .setHref("https://ci.example.com/" + eventId)
                    .build()))
        .setOccurredAt(at)
        .setReceivedAt(at)
        .build();
  }

  private static IncidentEvent incident(
      String eventId, String incidentId, String serviceId, Instant at, Object body) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(serviceId)
        .setOccurredAt(at)
        .setEvent(body)
        .build();
  }

  public static EscalationEvent fired(
      String incidentId, int level, List<PagedUser> targets, Instant at) {
    return escalation(
        incidentId + ":esc:" + level,
        incidentId,
        at,
        EscalationFired.newBuilder()
            .setPolicyId("payments")
            .setLevel(level)
            .setRound(1)
            .setReason(level == 1 ? EscalationReason.INITIAL : EscalationReason.TIMEOUT)
            .setTargets(targets)
            .setTitle("CPU above 90% on payments")
            .setPriority(Priority.P1)
            .setUrgency(Urgency.HIGH)
            .setNextStepDueAt(at.plusSeconds(300))
            .build());
  }

  public static PagedUser user(String userId, String via) {
    return PagedUser.newBuilder().setUserId(userId).setVia(via).build();
  }

  public static EscalationEvent skipped(String incidentId, int level, Instant at) {
    return escalation(
        incidentId + ":skip:" + level,
        incidentId,
        at,
        EscalationLevelSkipped.newBuilder()
            .setPolicyId("payments")
            .setLevel(level)
            .setReason("nobody is on call for schedule:payments-secondary")
            .build());
  }

  public static EscalationEvent cancelled(String incidentId, Instant at) {
    return escalation(
        incidentId + ":cancel",
        incidentId,
        at,
        EscalationCancelled.newBuilder().setReason("acknowledged by alice").build());
  }

  private static EscalationEvent escalation(
      String eventId, String incidentId, Instant at, Object body) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId("payments")
        .setOccurredAt(at)
        .setEvent(body)
        .build();
  }

  public static NotificationEvent delivery(
      String incidentId, String userId, Channel channel, DeliveryOutcome outcome, Instant at) {
    return NotificationEvent.newBuilder()
        .setEventId(incidentId + ":notify:" + userId + ":" + channel + ":" + outcome)
        .setAttemptId(incidentId + ":1:" + userId + ":" + channel)
        .setIncidentId(incidentId)
        .setEscalationEventId(incidentId + ":esc:1")
        .setUserId(userId)
        .setContactMethodId(userId + "-" + channel.name().toLowerCase())
        .setChannel(channel)
        .setLevel(1)
        .setTries(outcome == DeliveryOutcome.FAILED ? 3 : 1)
        .setOutcome(outcome)
        .setDetail(outcome == DeliveryOutcome.FAILED ? "HTTP 503 from provider" : null)
        .setOccurredAt(at)
        .build();
  }
}
