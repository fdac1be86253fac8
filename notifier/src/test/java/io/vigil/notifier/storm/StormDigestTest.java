package io.vigil.notifier.storm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.notifier.page.Page;
import io.vigil.notifier.page.ScheduledStep;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StormDigestTest {

  private final StormDigest digest = new StormDigest(Duration.ofMinutes(1));

  private static ScheduledStep step(String incident, String service) {
    Page page =
        new Page(
            "esc-" + incident,
            incident,
            service,
            "t",
            "P1",
            Page.Urgency.HIGH,
            1,
            1,
            "INITIAL",
            List.of("alice"));
    return new ScheduledStep(page, "alice", "alice-sms", 0, 0);
  }

  @Test
  void oneMessagePerUserPerChannelPerIntervalTheRestBecomeOneDigest() {
    StormDigest.Admission first = digest.admit(null, step("i1", "payments"), "sms", 0);
    assertThat(first.sends()).isTrue();
    assertThat(first.window().endsAtMillis()).isEqualTo(60_000);

    StormWindow window = first.window();
    for (int i = 2; i <= 13; i++) {
      StormDigest.Admission folded =
          digest.admit(window, step("i" + i, "payments"), "sms", 1000L * i);
      assertThat(folded.sends()).isFalse();
      assertThat(folded.step().suppressed())
          .isEqualTo(
              "storm: alice already got a sms message in the last 1m; folded into the next digest");
      window = folded.window();
    }
    assertThat(window.foldedIncidents()).isEqualTo(12);

    StormDigest.Flush flush = digest.flush(window, 60_000);

    ScheduledStep sent = flush.digest().orElseThrow();
    assertThat(sent.digest()).isEqualTo("and 12 more incidents on payments");
    assertThat(sent.page().incidentId()).isEqualTo("i13");
    assertThat(sent.suppressed()).isNull();
    assertThat(sent.attemptId()).isEqualTo("esc-i13/alice/alice-sms/0/digest");
    // The digest opened the next window: the next page is folded again.
    assertThat(flush.next().endsAtMillis()).isEqualTo(120_000);
    assertThat(digest.admit(flush.next(), step("i14", "checkout"), "sms", 61_000).sends())
        .isFalse();
  }

  @Test
  void aQuietWindowEndsWithoutADigestAndAReplayIsNotCountedTwice() {
    StormWindow window = digest.admit(null, step("i1", "payments"), "sms", 0).window();

    StormDigest.Admission replay = digest.admit(window, step("i1", "payments"), "sms", 5_000);
    assertThat(replay.sends()).isTrue();
    assertThat(replay.window()).isSameAs(window);

    StormDigest.Flush flush = digest.flush(window, 60_000);
    assertThat(flush.digest()).isEmpty();
    assertThat(flush.next()).isNull();
  }

  @Test
  void severalServicesAreCountedEachAndZeroTurnsDigestsOff() {
    Map<String, List<String>> two = new LinkedHashMap<>();
    two.put("payments", List.of("a", "b"));
    two.put("checkout", List.of("c"));
    assertThat(StormDigest.describe(two))
        .isEqualTo("and 3 more incidents: 2 on payments, 1 on checkout");
    assertThat(StormDigest.describe(Map.of("payments", List.of("a"))))
        .isEqualTo("and 1 more incident on payments");

    StormDigest off = new StormDigest(Duration.ZERO);
    StormDigest.Admission a = off.admit(null, step("i1", "p"), "sms", 0);
    assertThat(off.isOn()).isFalse();
    assertThat(a.sends()).isTrue();
    assertThat(a.window()).isNull();
  }
}
