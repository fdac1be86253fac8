package io.vigil.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerde<AlertEvent> serde = AvroSerde.forValues(Topics.ALERTS, registry);

  static AlertEvent alert() {
    return AlertEvent.newBuilder()
        .setEventId("e-1")
        .setAction(AlertAction.TRIGGER)
        .setServiceId("payments")
        .setDedupKey("disk-full")
        .setSourceFormat(SourceFormat.EVENTS_V2)
        .setSeverity(Severity.CRITICAL)
        .setSummary("Disk full on db-1")
        .setLabels(Map.of("cluster", "eu-1"))
        .setLinks(List.of(new Link("https://grafana/d/1", "dashboard")))
        .setOccurredAt(Instant.parse("2026-11-22T03:00:00Z"))
        .setReceivedAt(Instant.parse("2026-11-22T03:00:01Z"))
        .build();
  }

  @Test
  void roundTripsAnAlertThroughTheWireFormat() {
    byte[] bytes = serde.serializer().serialize(Topics.ALERTS.name(), alert());

    AlertEvent back = serde.deserializer().deserialize(Topics.ALERTS.name(), bytes);

    assertThat(back).isEqualTo(alert());
  }

  @Test
  void writesMagicByteThenTheRegisteredSchemaId() {
    byte[] bytes = serde.serializer().serialize(Topics.ALERTS.name(), alert());

    int id = registry.idOf("vigil.alerts.v1-value", AlertEvent.getClassSchema());
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void roundTripsAUnionEnvelope() {
    IncidentEvent event =
        IncidentEvent.newBuilder()
            .setEventId("inc-1/opened")
            .setIncidentId("inc-1")
            .setServiceId("payments")
            .setOccurredAt(Instant.parse("2026-11-22T03:00:00Z"))
            .setEvent(
                AlertGrouped.newBuilder()
                    .setDedupKey("disk-full")
                    .setAlertEventId("e-2")
                    .setAlertCount(2)
                    .setLastSeen(Instant.parse("2026-11-22T03:00:05Z"))
                    .build())
            .build();
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);

    IncidentEvent back =
        incidents
            .deserializer()
            .deserialize("vigil.incidents.v1", incidents.serializer().serialize("x", event));

    assertThat(back).isEqualTo(event);
    assertThat(back.getEvent()).isInstanceOf(AlertGrouped.class);
  }

  @Test
  void refusesBytesThatAreNotTheWireFormat() {
    assertThatThrownBy(
            () -> serde.deserializer().deserialize("vigil.alerts.v1", "{\"json\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not in the Confluent wire format");
  }

  @Test
  void refusesAnUnknownSchemaId() {
    byte[] bytes = {0, 0, 0, 0, 42, 2, 3};
    assertThatThrownBy(() -> serde.deserializer().deserialize("vigil.alerts.v1", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 42 is unknown");
  }

  @Test
  void nullIsATombstone() {
    assertThat(serde.serializer().serialize("vigil.alerts.v1", null)).isNull();
    assertThat(serde.deserializer().deserialize("vigil.alerts.v1", null)).isNull();
  }
}
