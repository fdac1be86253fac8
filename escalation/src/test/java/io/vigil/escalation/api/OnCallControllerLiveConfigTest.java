package io.vigil.escalation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpResponse;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.runtime.config.LiveConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The on-call API answers from the configuration in force at each request. */
class OnCallControllerLiveConfigTest {

  private static final String BEFORE =
      """
      apiVersion: vigil/v1
      users: [ { id: alice }, { id: bob } ]
      schedules:
        - id: primary
          timeZone: UTC
          layers: [ { start: "2026-03-02T09:00", shift: 1w, users: [alice] } ]
      """;

  @Test
  void aScheduleChangedAtRunTimeAnswersTheNextRequest() {
    AtomicReference<VigilConfig> document = new AtomicReference<>(parse(BEFORE));
    OnCallController api =
        new OnCallController(
            mutable(document), Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC));

    assertThat(body(api.onCall("primary", null)).user()).isEqualTo("alice");
    assertThat(api.onCall("secondary", null).code()).isEqualTo(404);

    document.set(
        parse(
            BEFORE.replace("users: [alice] }", "users: [bob] }")
                + """
                  - id: secondary
                    timeZone: UTC
                    layers: [ { start: "2026-03-02T09:00", shift: 1d, users: [alice] } ]
                """));
    assertThat(body(api.onCall("primary", null)).user()).isEqualTo("bob");
    assertThat(body(api.onCall("secondary", null)).user()).isEqualTo("alice");
    assertThat(api.shifts("secondary", "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z").code())
        .isEqualTo(200);
  }

  private static OnCallController.OnCallAnswer body(HttpResponse<?> response) {
    assertThat(response.code()).isEqualTo(200);
    return (OnCallController.OnCallAnswer) response.body();
  }

  private static LiveConfig mutable(AtomicReference<VigilConfig> document) {
    return new LiveConfig() {
      @Override
      public VigilConfig current() {
        return document.get();
      }

      @Override
      public long revision() {
        return 0;
      }

      @Override
      public void onChange(Consumer<VigilConfig> listener) {}
    };
  }

  private static VigilConfig parse(String yaml) {
    return VigilConfigLoader.parse(yaml, "test");
  }
}
