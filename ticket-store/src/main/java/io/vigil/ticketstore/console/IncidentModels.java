package io.vigil.ticketstore.console;

import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the console shows of an incident, as plain text ready for the templates: the row in the
 * list, and the page's summary, alerts, timeline, notes and responders, all read from the ticket
 * and its timeline (a responder is anyone paged, added or assigned).
 */
final class IncidentModels {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private IncidentModels() {}

  /** One incident as a row of the list, or the head of its page. */
  record Row(
      String id,
      String title,
      String serviceId,
      String status,
      String priority,
      String incidentClass,
      String urgency,
      long alertCount,
      String firstSeen,
      String lastSeen,
      String acknowledgedAt,
      String resolvedAt,
      String escalationPolicyId,
      String dedupKey,
      String severity) {

    static Row of(Ticket t) {
      return new Row(
          t.incidentId(),
          t.title() == null ? t.incidentId() : t.title(),
          t.serviceId(),
          t.status().name().toLowerCase(Locale.ROOT),
          orDash(t.priority()),
          t.incidentClass() == null ? "-" : t.incidentClass().toLowerCase(Locale.ROOT),
          t.urgency() == null ? "-" : t.urgency().toLowerCase(Locale.ROOT),
          t.alertCount(),
          time(t.firstSeen()),
          time(t.lastSeen()),
          time(t.acknowledgedAt()),
          time(t.resolvedAt()),
          orDash(t.escalationPolicyId()),
          orDash(t.dedupKey()),
          t.severity() == null ? "-" : t.severity().toLowerCase(Locale.ROOT));
    }
  }

  /** One line of the timeline. */
  record Line(String at, String kind, String kindLabel, String actor, String summary) {

    static Line of(TimelineEntry e) {
      return new Line(
          time(e.at()),
          e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          e.actor(),
          e.summary());
    }
  }

  /** Someone working on the incident, and how they came to. */
  record Responder(String userId, String how) {}

  /** The incident page's parts. */
  record Page(
      Row incident,
      List<Line> alerts,
      List<Line> notes,
      List<Responder> responders,
      List<Line> timeline) {}

  static Page page(Ticket ticket, List<TimelineEntry> entries) {
    List<Line> alerts = new ArrayList<>();
    List<Line> notes = new ArrayList<>();
    Map<String, String> responders = new LinkedHashMap<>();
    for (TimelineEntry e : entries) {
      if (e.kind() == TimelineKind.OPENED || e.kind() == TimelineKind.ALERT_GROUPED) {
        alerts.add(Line.of(e));
      }
      if (e.kind() == TimelineKind.PAGED && e.details().get("users") instanceof List<?> users) {
        for (Object user : users) {
          responders.putIfAbsent(
              String.valueOf(user), "paged at level " + e.details().getOrDefault("level", "?"));
        }
      }
      if (e.kind() == TimelineKind.NOTE) {
        Object action = e.details().get("action");
        Object user = e.details().get("userId");
        if (action == null) {
          notes.add(Line.of(e));
        } else if ("responder-added".equals(action) && user != null) {
          responders.put(String.valueOf(user), "added by " + e.actor());
        } else if ("reassigned".equals(action) && user != null) {
          responders.put(String.valueOf(user), "assigned by " + e.actor());
        }
      }
    }
    List<Responder> people = new ArrayList<>();
    responders.forEach((user, how) -> people.add(new Responder(user, how)));
    return new Page(Row.of(ticket), alerts, notes, people, entries.stream().map(Line::of).toList());
  }

  static String time(Instant at) {
    return at == null ? "-" : TIME.format(at);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
