package io.vigil.ticketstore.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Service.MaintenanceWindow;
import io.vigil.ticketstore.status.StatusHistory.Day;
import io.vigil.ticketstore.status.StatusHistory.History;
import io.vigil.ticketstore.status.StatusHistory.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daily history of a service: worst state moment by moment, uptime as the share of the day
 * without an open critical incident, floored, today counted only so far.
 */
class StatusHistoryTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  void aDayIsItsWorstMomentAndItsUptimeTheTimeWithoutACriticalIncident() {
    History h =
        StatusHistory.of(
            List.of(
                new Span(at("2026-03-08T06:00"), at("2026-03-08T12:00"), "CRITICAL"),
                new Span(at("2026-03-07T12:00"), at("2026-03-07T13:00"), "MAJOR"),
                new Span(at("2026-03-06T00:00"), at("2026-03-06T00:01"), "CRITICAL"),
                new Span(at("2026-03-05T10:00"), at("2026-03-05T20:00"), "MINOR")),
            List.of(),
            NOW,
            6);

    assertThat(h.days())
        .containsExactly(
            new Day(LocalDate.parse("2026-03-05"), ServiceState.OPERATIONAL, 100.0),
            new Day(LocalDate.parse("2026-03-06"), ServiceState.MAJOR_OUTAGE, 99.93),
            new Day(LocalDate.parse("2026-03-07"), ServiceState.DEGRADED, 100.0),
            new Day(LocalDate.parse("2026-03-08"), ServiceState.MAJOR_OUTAGE, 75.0),
            new Day(LocalDate.parse("2026-03-09"), ServiceState.OPERATIONAL, 100.0),
            new Day(LocalDate.parse("2026-03-10"), ServiceState.OPERATIONAL, 100.0));
    // 6 h 1 min down of 5.5 days (132 h): 125 h 59 min up = 95.441...%
    assertThat(h.uptime()).isEqualTo(95.44);
  }

  @Test
  void anIncidentStillOpenCountsUntilNowAndTodayOnlySoFar() {
    History h =
        StatusHistory.of(
            List.of(new Span(at("2026-03-10T09:00"), null, "CRITICAL")), List.of(), NOW, 2);

    assertThat(h.days())
        .containsExactly(
            new Day(LocalDate.parse("2026-03-09"), ServiceState.OPERATIONAL, 100.0),
            new Day(LocalDate.parse("2026-03-10"), ServiceState.MAJOR_OUTAGE, 75.0));
  }

  @Test
  void anOutageAcrossMidnightCountsOnBothDays() {
    History h =
        StatusHistory.of(
            List.of(new Span(at("2026-03-08T18:00"), at("2026-03-09T06:00"), "CRITICAL")),
            List.of(),
            NOW,
            3);

    assertThat(h.days()).extracting(Day::uptime).containsExactly(75.0, 75.0, 100.0);
  }

  @Test
  void maintenanceHidesAMajorIncidentButNotACriticalOne() {
    List<MaintenanceWindow> window =
        List.of(
            new MaintenanceWindow(
                OffsetDateTime.parse("2026-03-09T00:00Z"),
                OffsetDateTime.parse("2026-03-09T04:00Z"),
                "upgrade"));

    assertThat(
            StatusHistory.of(
                    List.of(new Span(at("2026-03-09T01:00"), at("2026-03-09T02:00"), "MAJOR")),
                    window,
                    NOW,
                    2)
                .days())
        .extracting(Day::state)
        .containsExactly(ServiceState.MAINTENANCE, ServiceState.OPERATIONAL);
    assertThat(
            StatusHistory.of(
                    List.of(
                        new Span(at("2026-03-09T01:00"), at("2026-03-09T02:00"), "MAJOR"),
                        new Span(at("2026-03-09T05:00"), at("2026-03-09T06:00"), "MAJOR")),
                    window,
                    NOW,
                    2)
                .days()
                .get(0)
                .state())
        .isEqualTo(ServiceState.DEGRADED);
    assertThat(
            StatusHistory.of(
                    List.of(new Span(at("2026-03-09T01:00"), at("2026-03-09T02:00"), "CRITICAL")),
                    window,
                    NOW,
                    2)
                .days()
                .get(0))
        .isEqualTo(new Day(LocalDate.parse("2026-03-09"), ServiceState.MAJOR_OUTAGE, 95.83));
  }

  @Test
  void uptimeNeverRoundsAnOutageUpTo100() {
    assertThat(StatusHistory.uptime(1, 86_400_000)).isEqualTo(99.99);
    assertThat(StatusHistory.uptime(0, 86_400_000)).isEqualTo(100.0);
    assertThat(StatusHistory.uptime(0, 0)).isEqualTo(100.0);
  }

  private static Instant at(String localUtc) {
    return OffsetDateTime.of(java.time.LocalDateTime.parse(localUtc), ZoneOffset.UTC).toInstant();
  }
}
