package io.vigil.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Schedule;
import io.vigil.config.Schedule.Layer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-offs keep their local time across daylight-saving changes in four zones, including shifts
 * that span a change (23- and 25-hour days), hand-offs inside a skipped or a repeated hour, and a
 * zone without DST.
 */
class OnCallDaylightSavingTest {

  @ParameterizedTest(name = "{0} from {1} every {2}: at {3} {4} ({5})")
  @CsvSource(
      delimiter = '|',
      value = {
        // Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET
        "Europe/Berlin    | 2026-03-28T09:00 | P1D   | 2026-03-29T06:59:59Z | a | the 23-hour shift spanning the spring change",
        "Europe/Berlin    | 2026-03-28T09:00 | P1D   | 2026-03-29T07:00:00Z | b | hand-off at 09:00 CEST",
        "Europe/Berlin    | 2026-10-24T09:00 | P1D   | 2026-10-25T07:59:59Z | a | the 25-hour shift spanning the autumn change",
        "Europe/Berlin    | 2026-10-24T09:00 | P1D   | 2026-10-25T08:00:00Z | b | hand-off at 09:00 CET",
        "Europe/Berlin    | 2026-10-24T08:00 | PT12H | 2026-10-24T18:00:00Z | b | 20:00 CEST",
        "Europe/Berlin    | 2026-10-24T08:00 | PT12H | 2026-10-25T06:59:59Z | b | the 13-hour night shift",
        "Europe/Berlin    | 2026-10-24T08:00 | PT12H | 2026-10-25T07:00:00Z | a | 08:00 CET",
        "Europe/Berlin    | 2026-03-28T02:30 | P1D   | 2026-03-29T00:59:59Z | a | 02:30 does not exist that night",
        "Europe/Berlin    | 2026-03-28T02:30 | P1D   | 2026-03-29T01:00:00Z | b | so the hand-off is at the change",
        "Europe/Berlin    | 2026-10-24T02:30 | P1D   | 2026-10-25T00:29:59Z | a | 02:30 happens twice that night",
        "Europe/Berlin    | 2026-10-24T02:30 | P1D   | 2026-10-25T00:30:00Z | b | the hand-off is the first 02:30",
        "Europe/Berlin    | 2026-10-24T02:30 | P1D   | 2026-10-25T01:30:00Z | b | the second 02:30 does not hand back",
        // America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST
        "America/New_York | 2026-03-07T09:00 | P1D   | 2026-03-08T12:59:59Z | a | the 23-hour shift",
        "America/New_York | 2026-03-07T09:00 | P1D   | 2026-03-08T13:00:00Z | b | 09:00 EDT",
        "America/New_York | 2026-10-26T09:00 | P7D   | 2026-11-02T13:59:59Z | a | the week with a 25-hour day",
        "America/New_York | 2026-10-26T09:00 | P7D   | 2026-11-02T14:00:00Z | b | 09:00 EST on Monday",
        "America/New_York | 2026-10-31T01:30 | P1D   | 2026-11-01T05:30:00Z | b | the first 01:30 EDT",
        "America/New_York | 2026-10-31T01:30 | P1D   | 2026-11-01T06:30:00Z | b | the second 01:30 EST",
        // Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00
        // AEDT
        "Australia/Sydney | 2026-04-04T09:00 | P1D   | 2026-04-04T22:59:59Z | a | the 25-hour shift",
        "Australia/Sydney | 2026-04-04T09:00 | P1D   | 2026-04-04T23:00:00Z | b | 09:00 AEST",
        "Australia/Sydney | 2026-10-03T09:00 | P1D   | 2026-10-03T21:59:59Z | a | the 23-hour shift",
        "Australia/Sydney | 2026-10-03T09:00 | P1D   | 2026-10-03T22:00:00Z | b | 09:00 AEDT",
        "Australia/Sydney | 2026-10-03T20:00 | PT8H  | 2026-10-03T16:59:59Z | a | the 7-hour night shift",
        "Australia/Sydney | 2026-10-03T20:00 | PT8H  | 2026-10-03T17:00:00Z | b | hand-off at 04:00 AEDT",
        // Asia/Jakarta: UTC+7 all year
        "Asia/Jakarta     | 2026-03-28T09:00 | P1D   | 2026-03-29T01:59:59Z | a | no change in Jakarta",
        "Asia/Jakarta     | 2026-03-28T09:00 | P1D   | 2026-03-29T02:00:00Z | b | hand-off at 09:00 WIB",
        "Asia/Jakarta     | 2026-10-24T09:00 | P7D   | 2026-10-31T02:00:00Z | b | every week exactly 168 hours",
      })
  void handOffsKeepTheirLocalTime(
      String zone, String start, String shift, String at, String expected, String why) {
    Schedule schedule =
        new Schedule(
            "s",
            null,
            zone.trim(),
            List.of(
                new Layer(
                    LocalDateTime.parse(start),
                    Duration.parse(shift),
                    List.of("a", "b"),
                    List.of())),
            List.of());

    assertThat(OnCall.at(schedule, Instant.parse(at))).as(why).isEqualTo(Optional.of(expected));
  }

  @Test
  void shiftsAcrossTheSpringChangeLastTwentyThreeHours() {
    Schedule schedule =
        new Schedule(
            "s",
            null,
            "Europe/Berlin",
            List.of(
                new Layer(
                    LocalDateTime.parse("2026-03-28T09:00"),
                    Duration.ofDays(1),
                    List.of("a", "b"),
                    List.of())),
            List.of());

    assertThat(
            Shifts.between(
                schedule,
                Instant.parse("2026-03-28T08:00:00Z"),
                Instant.parse("2026-03-30T08:00:00Z")))
        .containsExactly(
            shift("a", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"),
            shift("b", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z"),
            shift("a", "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z"));
  }

  @Test
  void aHandOffInTheRepeatedHourHappensOnceAtItsFirstOccurrence() {
    Schedule schedule =
        new Schedule(
            "s",
            null,
            "Europe/Berlin",
            List.of(
                new Layer(
                    LocalDateTime.parse("2026-10-24T02:30"),
                    Duration.ofDays(1),
                    List.of("a", "b"),
                    List.of())),
            List.of());

    assertThat(
            Shifts.between(
                schedule,
                Instant.parse("2026-10-24T22:00:00Z"),
                Instant.parse("2026-10-25T04:00:00Z")))
        .containsExactly(
            shift("a", "2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z"),
            shift("b", "2026-10-25T00:30:00Z", "2026-10-25T04:00:00Z"));
  }

  private static Shifts.Shift shift(String user, String start, String end) {
    return new Shifts.Shift(user, Instant.parse(start), Instant.parse(end));
  }
}
