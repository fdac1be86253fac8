package io.vigil.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Schedule;
import io.vigil.config.Schedule.Layer;
import io.vigil.config.Schedule.Restriction;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnCallTest {

  private static final Map<String, Schedule> SCHEDULES =
      Map.of(
          "jakarta-weekly",
          schedule("Asia/Jakarta", List.of(layer("2026-01-05T09:00", "P7D", "alice", "bob"))),
          "berlin-daily",
          schedule("Europe/Berlin", List.of(layer("2026-03-23T09:00", "P1D", "ann", "ben"))),
          "berlin-weekly",
          schedule("Europe/Berlin", List.of(layer("2026-10-19T09:00", "P7D", "ann", "ben"))),
          "berlin-12h",
          schedule("Europe/Berlin", List.of(layer("2026-03-28T08:00", "PT12H", "ann", "ben"))),
          "layered",
          new Schedule(
              "layered",
              null,
              "Europe/Berlin",
              List.of(
                  layer("2026-03-02T09:00", "P7D", "ann", "ben"),
                  new Layer(
                      LocalDateTime.parse("2026-03-02T00:00"),
                      Duration.ofDays(7),
                      List.of("weekend-carol"),
                      List.of(new Restriction(List.of("sat", "sun"), "00:00", "24:00")))),
              List.of(
                  new Schedule.Override(
                      LocalDateTime.parse("2026-03-04T12:00"),
                      LocalDateTime.parse("2026-03-04T18:00"),
                      "override-dave"))));

  @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
  @CsvSource(
      delimiter = '|',
      value = {
        "jakarta-weekly | 2026-01-05T08:59+07:00 | -     | before the layer starts nobody is on call",
        "jakarta-weekly | 2026-01-05T09:00+07:00 | alice | first shift starts at the layer start",
        "jakarta-weekly | 2026-01-12T08:59+07:00 | alice | still the first week",
        "jakarta-weekly | 2026-01-12T09:00+07:00 | bob   | handoff after one week",
        "jakarta-weekly | 2026-01-19T09:00+07:00 | alice | rotation wraps around",
        "jakarta-weekly | 2026-01-12T02:00Z      | bob   | instants in another zone",
        "berlin-daily   | 2026-03-28T09:00+01:00 | ben   | sixth day, before DST",
        "berlin-daily   | 2026-03-29T08:59+02:00 | ben   | DST day: one minute before local 09:00",
        "berlin-daily   | 2026-03-29T09:00+02:00 | ann   | DST day: handoff at local 09:00",
        "berlin-daily   | 2026-03-30T09:00+02:00 | ben   | after DST: still local 09:00",
        "berlin-weekly  | 2026-10-26T08:59+01:00 | ann   | autumn DST week: before local 09:00",
        "berlin-weekly  | 2026-10-26T09:00+01:00 | ben   | autumn DST week: handoff at local 09:00",
        "berlin-12h     | 2026-03-29T06:59+02:00 | ben   | sub-day shifts count on the wall clock",
        "berlin-12h     | 2026-03-29T09:00+02:00 | ann   | local 08:00 and 20:00 stay the hand-offs",
        "layered        | 2026-03-04T11:59+01:00 | ann   | weekday: the base layer",
        "layered        | 2026-03-04T12:00+01:00 | override-dave | an override covers every layer",
        "layered        | 2026-03-04T18:00+01:00 | ann   | the override has ended",
        "layered        | 2026-03-07T10:00+01:00 | weekend-carol | a later layer covers the base layer",
        "layered        | 2026-03-09T10:00+01:00 | ben   | outside its restriction the later layer has nobody",
      })
  void whoIsOnCall(String schedule, String at, String expected, String why) {
    Optional<String> user =
        OnCall.at(SCHEDULES.get(schedule), OffsetDateTime.parse(at).toInstant());

    assertThat(user)
        .as(why)
        .isEqualTo(expected.equals("-") ? Optional.empty() : Optional.of(expected));
  }

  private static Schedule schedule(String zone, List<Layer> layers) {
    return new Schedule("s", null, zone, layers, List.of());
  }

  private static Layer layer(String start, String shift, String... users) {
    return new Layer(LocalDateTime.parse(start), Duration.parse(shift), List.of(users), List.of());
  }
}
