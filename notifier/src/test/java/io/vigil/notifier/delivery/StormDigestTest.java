package io.vigil.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Page;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StormDigestTest {

  private static final ContactMethod SMS =
      new ContactMethod(
          "alice-sms", ContactMethod.ContactType.SMS, null, null, "+6281200000001", null);
  private static final ContactMethod HOOK =
      new ContactMethod(
          "alice-hook", ContactMethod.ContactType.WEBHOOK, "https://h/x", null, null, null);

  private static Attempt page(String incident, String service, ContactMethod via) {
    return new Attempt(
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
            List.of("alice")),
        "alice",
        via,
        0);
  }

  @Test
  void oneMessagePerUserPerChannelPerIntervalTheRestBecomeOneDigest() {
    StormDigest digest = new StormDigest(Duration.ofMinutes(1));

    assertThat(digest.admit(page("i1", "payments", SMS), 0))
        .isEqualTo(StormDigest.Admission.OPENED);
    for (int i = 2; i <= 13; i++) {
      assertThat(digest.admit(page("i" + i, "payments", SMS), 1000L * i))
          .isEqualTo(StormDigest.Admission.FOLDED);
    }
    // Another channel of the same user is not held back.
    assertThat(digest.admit(page("i2", "payments", HOOK), 2000))
        .isEqualTo(StormDigest.Admission.OPENED);

    Attempt sent =
        digest
            .flush(new StormDigest.Key("alice", ContactMethod.ContactType.SMS), 60_000)
            .orElseThrow();

    assertThat(sent.digest()).isEqualTo("and 12 more incidents on payments");
    assertThat(sent.page().incidentId()).isEqualTo("i13");
    assertThat(sent.id()).isEqualTo("esc-i13/alice/alice-sms/0/digest");
    // The digest opened the next window: the next page is folded again.
    assertThat(digest.admit(page("i14", "checkout", SMS), 61_000))
        .isEqualTo(StormDigest.Admission.FOLDED);
  }

  @Test
  void aQuietWindowEndsWithoutADigest() {
    StormDigest digest = new StormDigest(Duration.ofMinutes(1));
    digest.admit(page("i1", "payments", SMS), 0);

    assertThat(digest.flush(new StormDigest.Key("alice", ContactMethod.ContactType.SMS), 60_000))
        .isEmpty();
    assertThat(digest.admit(page("i2", "payments", SMS), 61_000))
        .isEqualTo(StormDigest.Admission.OPENED);
  }

  @Test
  void severalServicesAreCountedEachAndZeroTurnsDigestsOff() {
    assertThat(
            StormDigest.describe(
                new java.util.LinkedHashMap<>(
                    java.util.Map.of("payments", java.util.Set.of("a", "b", "c")))))
        .isEqualTo("and 3 more incidents on payments");
    var two = new java.util.LinkedHashMap<String, java.util.Set<String>>();
    two.put("payments", java.util.Set.of("a", "b"));
    two.put("checkout", java.util.Set.of("c"));
    assertThat(StormDigest.describe(two))
        .isEqualTo("and 3 more incidents: 2 on payments, 1 on checkout");
    assertThat(new StormDigest(Duration.ZERO).admit(page("i1", "p", SMS), 0))
        .isEqualTo(StormDigest.Admission.SEND);
  }
}
