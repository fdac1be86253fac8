package io.vigil.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.topic.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Builders that fill in record-typed defaults work once the topic catalogue is loaded. */
class TrustedSchemasTest {

  @Test
  void aBuilderFillsInTheLinksDefaultAfterTheCatalogueIsLoaded() {
    assertThat(Topics.ALERTS.name()).isEqualTo("vigil.alerts.v1");

    AlertEvent alert =
        AlertEvent.newBuilder()
            .setEventId("e")
            .setAction(AlertAction.TRIGGER)
            .setServiceId("s")
            .setDedupKey("d")
            .setSourceFormat(SourceFormat.KAFKA)
            .setOccurredAt(Instant.EPOCH)
            .setReceivedAt(Instant.EPOCH)
            .build();

    assertThat(alert.getLinks()).isEmpty();
    assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
  }
}
