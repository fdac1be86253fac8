package io.vigil.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertEvents;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.alert.SourceFormat;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnqueueMapperTest {

  private static final Instant RECEIVED = Instant.parse("2026-02-01T10:00:00Z");
  private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");

  private final Iterator<UUID> ids = List.of(FIRST, SECOND).iterator();
  private final EnqueueMapper mapper = new EnqueueMapper(ids::next);

  @Test
  void mapsPagerDutysDocumentedTriggerExampleFieldForField() throws Exception {
    Alert alert =
        mapper.toAlert(
            EnqueueRequestParser.parse(Samples.pagerDuty("trigger-full")), "payments", RECEIVED);

    assertThat(alert)
        .isEqualTo(
            new Alert(
                FIRST.toString(),
                AlertAction.TRIGGER,
                "payments",
                "srv01/mysql",
                SourceFormat.EVENTS_V2,
                AlertSeverity.CRITICAL,
                "DISK at 99% on machine prod-datapipe03.example.com",
                "prod-datapipe03.example.com",
                "mysql",
                "prod-datapipe",
                "disk",
                Map.of("component", "mysql", "group", "prod-datapipe", "class", "disk"),
                "{\"free space\":\"1%\",\"ping time\":\"1500ms\",\"load avg\":0.75}",
                List.of(new AlertLink("https://example.com/", "Link text")),
                "Sample Monitoring Service",
                "https://monitoring.service.com",
                Instant.parse("2015-07-17T08:42:58.315Z"),
                RECEIVED));
    assertThat(alert.kafkaKey()).isEqualTo("payments/srv01/mysql");
  }

  @Test
  void generatesDedupKeyWithoutDashesAndUsesReceiveTimeWhenAbsent() throws Exception {
    Alert alert =
        mapper.toAlert(
            EnqueueRequestParser.parse(Samples.pagerDuty("trigger-minimal")), "checkout", RECEIVED);

    assertThat(alert.dedupKey()).isEqualTo("00000000000040008000000000000001");
    assertThat(alert.eventId()).isEqualTo(SECOND.toString());
    assertThat(alert.occurredAt()).isEqualTo(RECEIVED);
    assertThat(alert.severity()).isEqualTo(AlertSeverity.ERROR);
    assertThat(alert.labels()).isEmpty();
    assertThat(alert.customDetailsJson()).isNull();
  }

  @Test
  void mapsAcknowledgeWithoutPayload() throws Exception {
    Alert alert =
        mapper.toAlert(
            EnqueueRequestParser.parse(Samples.pagerDuty("acknowledge")), "payments", RECEIVED);

    assertThat(alert.action()).isEqualTo(AlertAction.ACKNOWLEDGE);
    assertThat(alert.dedupKey()).isEqualTo("srv01/mysql");
    assertThat(alert.summary()).isEmpty();
    assertThat(alert.occurredAt()).isEqualTo(RECEIVED);
  }

  @Test
  void readsTimestampsWithColonOffsetZuluAndNoOffset() {
    assertThat(EventTimestamps.parse("2026-01-05T09:00:00+07:00"))
        .contains(Instant.parse("2026-01-05T02:00:00Z"));
    assertThat(EventTimestamps.parse("2026-01-05T09:00:00Z"))
        .contains(Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(EventTimestamps.parse("2026-01-05T09:00:00"))
        .contains(Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(EventTimestamps.parse("05/01/2026")).isEmpty();
  }

  @Test
  void avroRecordCarriesEveryField() throws Exception {
    Alert alert =
        mapper.toAlert(
            EnqueueRequestParser.parse(Samples.pagerDuty("trigger-full")), "payments", RECEIVED);

    AlertEvent event = AlertEvents.toAvro(alert);

    assertThat(event)
        .isEqualTo(
            AlertEvent.newBuilder()
                .setEventId(FIRST.toString())
                .setAction(io.vigil.schemas.AlertAction.TRIGGER)
                .setServiceId("payments")
                .setDedupKey("srv01/mysql")
                .setSourceFormat(io.vigil.schemas.SourceFormat.EVENTS_V2)
                .setSeverity(Severity.CRITICAL)
                .setSummary("DISK at 99% on machine prod-datapipe03.example.com")
                .setSource("prod-datapipe03.example.com")
                .setComponent("mysql")
                .setGroup("prod-datapipe")
                .setAlertClass("disk")
                .setLabels(Map.of("component", "mysql", "group", "prod-datapipe", "class", "disk"))
                .setCustomDetailsJson(
                    "{\"free space\":\"1%\",\"ping time\":\"1500ms\",\"load avg\":0.75}")
                .setLinks(
                    List.of(
                        Link.newBuilder()
                            .setHref("https://example.com/")
                            .setText("Link text")
                            .build()))
                .setClient("Sample Monitoring Service")
                .setClientUrl("https://monitoring.service.com")
                .setOccurredAt(Instant.parse("2015-07-17T08:42:58.315Z"))
                .setReceivedAt(RECEIVED)
                .build());
  }
}
