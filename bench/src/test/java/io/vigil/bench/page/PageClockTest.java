package io.vigil.bench.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageClockTest {

  private static final String VIGIL_PAGE =
      "{\"incident_id\":\"5f0c\",\"service_id\":\"load-3\",\"title\":\"bench-probe-12 opened on"
          + " load-3\",\"priority\":\"P1\",\"urgency\":\"HIGH\",\"level\":1}";
  private static final String ALERTMANAGER_PAGE =
      "{\"version\":\"4\",\"groupLabels\":{\"probe\":\"bench-probe-40\",\"service\":\"load-1\"},"
          + "\"alerts\":[{\"labels\":{\"probe\":\"bench-probe-40\",\"service\":\"load-1\"},"
          + "\"annotations\":{\"summary\":\"bench-probe-40 opened on load-1\"}}]}";

  private PageClock clock;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    clock = PageClock.start(0);
  }

  @AfterEach
  void stop() {
    clock.close();
  }

  private int post(String body) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clock.port() + "/vigil/x"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aVigilPageIsMatchedToItsProbeByTitleAndCountedForItsService() throws Exception {
    long before = System.nanoTime();

    assertThat(post(VIGIL_PAGE)).isEqualTo(200);

    assertThat(clock.firstPaged(12)).isNotNull().isGreaterThanOrEqualTo(before);
    assertThat(clock.timesPaged(12)).isEqualTo(1);
    assertThat(clock.pagesOf(Set.of("load-3"))).isEqualTo(1);
    assertThat(clock.pages()).isEqualTo(1);
  }

  @Test
  void anAlertmanagerPageNamingItsProbeManyTimesIsOnePageOfThatProbe() throws Exception {
    post(ALERTMANAGER_PAGE);

    assertThat(clock.timesPaged(40)).isEqualTo(1);
    assertThat(clock.pagesOf(Set.of("load-1", "load-3"))).isEqualTo(1);
  }

  @Test
  void aSecondPageOfTheSameProbeKeepsTheFirstTimeAndCountsTwice() throws Exception {
    post(VIGIL_PAGE);
    Long first = clock.firstPaged(12);
    post(VIGIL_PAGE);

    assertThat(clock.firstPaged(12)).isEqualTo(first);
    assertThat(clock.timesPaged(12)).isEqualTo(2);
    assertThat(clock.lastPageNanos()).isGreaterThanOrEqualTo(first);
  }

  @Test
  void aPageWithoutAProbeIsCountedButTimesNothing() throws Exception {
    post("{\"service_id\":\"load-0\",\"title\":\"Bench load on load-0-fp-1\"}");

    assertThat(clock.pages()).isEqualTo(1);
    assertThat(clock.timesPaged(0)).isZero();
    assertThat(clock.firstPaged(0)).isNull();
  }
}
