package io.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryException;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {

  static final String V1 =
      "{\"type\":\"record\",\"name\":\"Page\",\"namespace\":\"t\","
          + "\"fields\":[{\"name\":\"who\",\"type\":\"string\"}]}";
  static final String V2_WITH_DEFAULT =
      "{\"type\":\"record\",\"name\":\"Page\",\"namespace\":\"t\",\"fields\":["
          + "{\"name\":\"who\",\"type\":\"string\"},"
          + "{\"name\":\"channel\",\"type\":\"string\",\"default\":\"sms\"}]}";
  static final String V2_WITHOUT_DEFAULT =
      "{\"type\":\"record\",\"name\":\"Page\",\"namespace\":\"t\",\"fields\":["
          + "{\"name\":\"who\",\"type\":\"string\"},"
          + "{\"name\":\"urgency\",\"type\":\"string\"}]}";

  SchemaRegistryServer server;
  RegistryHttp http;

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.start(0, new InMemorySchemaStore());
    http = new RegistryHttp(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void vigilsClientRegistersEveryCatalogueSchemaAndReadsEachBackById() {
    var client = new HttpSchemaRegistryClient(server.url());
    Set<Integer> ids = new HashSet<>();
    for (Topic<?> topic : Topics.ALL) {
      ids.add(client.register(topic.valueSubject(), topic.valueSchema()));
    }

    var freshClient = new HttpSchemaRegistryClient(server.url());
    assertThat(ids).hasSize(Topics.ALL.size());
    for (Topic<?> topic : Topics.ALL) {
      int id = freshClient.idOf(topic.valueSubject(), topic.valueSchema());
      assertThat(freshClient.schemaById(id)).isEqualTo(topic.valueSchema());
    }
    assertThat(http.get("/subjects").json())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::valueSubject).toList());
  }

  @Test
  void aKnownSchemaIdIsAnsweredFromMemoryEvenForAnEqualCopyOfTheSchema() {
    SchemaRegistryServer own = SchemaRegistryServer.start(0, new InMemorySchemaStore());
    var client = new HttpSchemaRegistryClient(own.url());
    Topic<?> alerts = Topics.ALERTS;
    int id = client.register(alerts.valueSubject(), alerts.valueSchema());
    Schema copy = new Schema.Parser().parse(alerts.valueSchema().toString());

    own.close(); // every record serialized asks for its id: none of that may reach the network

    assertThat(client.register(alerts.valueSubject(), alerts.valueSchema())).isEqualTo(id);
    assertThat(client.register(alerts.valueSubject(), copy)).isEqualTo(id);
    assertThatThrownBy(() -> client.register(Topics.INCIDENTS.valueSubject(), copy))
        .isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void avroSerdeRoundTripsAnAlertThroughTheServer() {
    AlertEvent alert =
        AlertEvent.newBuilder()
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
    var writer = AvroSerde.forValues(Topics.ALERTS, new HttpSchemaRegistryClient(server.url()));
    var reader = AvroSerde.forValues(Topics.ALERTS, new HttpSchemaRegistryClient(server.url()));

    byte[] bytes = writer.serializer().serialize(Topics.ALERTS.name(), alert);
    AlertEvent back = reader.deserializer().deserialize(Topics.ALERTS.name(), bytes);

    assertThat(back).isEqualTo(alert);
    var latest = http.get("/subjects/vigil.alerts.v1-value/versions/latest").json();
    assertThat(latest.path("version").asInt()).isEqualTo(1);
    assertThat(new Schema.Parser().parse(latest.path("schema").asText()))
        .isEqualTo(AlertEvent.getClassSchema());
  }

  @Test
  void theSameSchemaKeepsItsIdUnderOneSubjectAndSharesItAcrossSubjects() {
    int first = http.postSchema("/subjects/a-value/versions", V1).json().path("id").asInt();
    int again = http.postSchema("/subjects/a-value/versions", V1).json().path("id").asInt();
    int other = http.postSchema("/subjects/b-value/versions", V1).json().path("id").asInt();

    assertThat(first).isEqualTo(1);
    assertThat(again).isEqualTo(1);
    assertThat(other).isEqualTo(1);
    assertThat(http.get("/subjects/a-value/versions").text()).isEqualTo("[1]");
    assertThat(http.get("/schemas/ids/1/versions").text())
        .isEqualTo(
            "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    var lookup = http.postSchema("/subjects/b-value", V1).json();
    assertThat(lookup.path("subject").asText()).isEqualTo("b-value");
    assertThat(lookup.path("id").asInt()).isEqualTo(1);
    assertThat(lookup.path("version").asInt()).isEqualTo(1);
  }

  @Test
  void aCompatibleChangeBecomesTheNextVersionWithANewId() {
    http.postSchema("/subjects/pages-value/versions", V1);

    var answer = http.postSchema("/subjects/pages-value/versions", V2_WITH_DEFAULT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("id").asInt()).isEqualTo(2);
    assertThat(http.get("/subjects/pages-value/versions").text()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects/pages-value/versions/latest").json().path("version").asInt())
        .isEqualTo(2);
    assertThat(http.get("/subjects/pages-value/versions/1/schema").text())
        .isEqualTo(new Schema.Parser().parse(V1).toString());
  }

  @Test
  void anIncompatibleChangeIsRefusedWith409NamingTheIncompatibility() {
    http.postSchema("/subjects/pages-value/versions", V1);

    var answer = http.postSchema("/subjects/pages-value/versions", V2_WITHOUT_DEFAULT);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().path("error_code").asInt()).isEqualTo(409);
    assertThat(answer.json().path("message").asText())
        .contains("incompatible with an earlier schema for subject \"pages-value\"")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("urgency");
    assertThat(http.get("/subjects/pages-value/versions").text()).isEqualTo("[1]");

    var client = new HttpSchemaRegistryClient(server.url());
    assertThatThrownBy(
            () -> client.register("pages-value", new Schema.Parser().parse(V2_WITHOUT_DEFAULT)))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            });
  }

  @Test
  void theCompatibilityEndpointReportsWithoutRegistering() {
    http.postSchema("/subjects/pages-value/versions", V1);

    var bad =
        http.postSchema("/compatibility/subjects/pages-value/versions/latest", V2_WITHOUT_DEFAULT);
    var good = http.postSchema("/compatibility/subjects/pages-value/versions/1", V2_WITH_DEFAULT);

    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().path("is_compatible").asBoolean()).isFalse();
    assertThat(bad.json().path("messages").get(0).asText())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(good.json().path("is_compatible").asBoolean()).isTrue();
    assertThat(good.json().path("messages")).isEmpty();
    assertThat(http.get("/subjects/pages-value/versions").text()).isEqualTo("[1]");
  }

  @Test
  void compatibilityLevelsAreSetGloballyAndPerSubject() {
    assertThat(http.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(http.put("/config", "{\"compatibility\":\"FULL\"}").text())
        .isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(http.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

    var unset = http.get("/config/pages-value");
    assertThat(unset.status()).isEqualTo(404);
    assertThat(unset.json().path("error_code").asInt()).isEqualTo(40408);
    assertThat(http.get("/config/pages-value?defaultToGlobal=true").text())
        .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

    http.put("/config/pages-value", "{\"compatibility\":\"NONE\"}");
    http.postSchema("/subjects/pages-value/versions", V1);
    var anything = http.postSchema("/subjects/pages-value/versions", V2_WITHOUT_DEFAULT);
    assertThat(anything.status()).isEqualTo(200);
    assertThat(http.get("/config/pages-value").text())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");

    var invalid = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().path("error_code").asInt()).isEqualTo(42203);
  }

  @Test
  void removingASubjectLevelFallsBackToTheGlobalOne() {
    http.put("/config/pages-value", "{\"compatibility\":\"NONE\"}");

    var removed = http.delete("/config/pages-value");

    assertThat(removed.text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(http.get("/config/pages-value").status()).isEqualTo(404);
    assertThat(http.delete("/config/pages-value").json().path("error_code").asInt())
        .isEqualTo(40408);
    assertThat(server.registry().effectiveCompatibility("pages-value"))
        .isEqualTo(Compatibility.BACKWARD);
  }

  @Test
  void listsWhichSubjectsHoldAnIdAndWhichSchemaTypesItSupports() {
    http.postSchema("/subjects/a-value/versions", V1);
    http.postSchema("/subjects/b-value/versions", V1);

    assertThat(http.get("/schemas/ids/1/subjects").text()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(http.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void softDeletingASubjectHidesItButKeepsItsIds() {
    http.postSchema("/subjects/pages-value/versions", V1);

    assertThat(http.delete("/subjects/pages-value").text()).isEqualTo("[1]");

    assertThat(http.get("/subjects").text()).isEqualTo("[]");
    assertThat(http.get("/subjects?deleted=true").text()).isEqualTo("[\"pages-value\"]");
    assertThat(http.get("/subjects/pages-value/versions").json().path("error_code").asInt())
        .isEqualTo(40401);
    assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
    var again = http.postSchema("/subjects/pages-value/versions", V2_WITHOUT_DEFAULT);
    assertThat(again.json().path("id").asInt()).isEqualTo(2);
    assertThat(http.get("/subjects/pages-value/versions").text()).isEqualTo("[2]");
  }

  @Test
  void errorsAreConfluentShapedWithTheirCodes() {
    http.postSchema("/subjects/pages-value/versions", V1);

    assertError(http.get("/subjects/nobody/versions"), 404, 40401);
    assertError(http.get("/subjects/pages-value/versions/7"), 404, 40402);
    assertError(http.get("/subjects/pages-value/versions/zero"), 422, 42202);
    assertError(http.get("/schemas/ids/99"), 404, 40403);
    assertError(http.postSchema("/subjects/pages-value", V2_WITH_DEFAULT), 404, 40403);
    assertError(http.postSchema("/subjects/nobody", V1), 404, 40401);
    assertError(http.postSchema("/subjects/pages-value/versions", "{\"type\":"), 422, 42201);
    assertError(
        http.post(
            "/subjects/p-value/versions",
            RegistryHttp.body(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"))),
        422,
        42201);
    assertError(http.post("/subjects/pages-value/versions", "{not json"), 400, 400);
    assertError(http.get("/no/such/endpoint"), 404, 404);
    assertError(http.delete("/schemas/ids/1"), 405, 405);

    var error = http.get("/schemas/ids/99");
    assertThat(error.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(error.text())
        .isEqualTo("{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
  }

  @Test
  void healthSaysUp() {
    var health = http.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text()).isEqualTo("{\"status\":\"UP\"}");
  }

  private static void assertError(RegistryHttp.Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.json().path("error_code").asInt()).as(answer.text()).isEqualTo(errorCode);
    assertThat(answer.json().path("message").asText()).isNotBlank();
  }
}
