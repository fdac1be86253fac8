package io.vigil.ticketstore.command;

import static io.vigil.ticketstore.ApiTestServer.ADMIN;
import static io.vigil.ticketstore.ApiTestServer.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command routes over HTTP against a real database: validation, publication, status read-back
 * from the classifier's answers, and the audit line each one leaves.
 */
class CommandApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:15:30Z");
  private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\":\"([0-9a-f-]{36})\"");

  private static ApiTestServer api;
  private static RecordingCommandPublisher published;
  private static String responder;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of());
    published = api.bean(RecordingCommandPublisher.class);
    TicketLedger ledger = api.bean(TicketLedger.class);
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-2", "payments", T0)));
    responder = token("ops-responder", "responder");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @BeforeEach
  void reset() {
    published.published.clear();
    published.failing = false;
  }

  @Test
  void anAcknowledgementIsPublishedAnsweredWithItsIdAndPendingUntilApplied() {
    Answer answer = post("/api/v1/incidents/inc-1/acknowledge", "{}", responder);

    assertThat(answer.status()).isEqualTo(202);
    String id = commandId(answer);
    assertThat(answer.body()).isEqualTo("{\"commandId\":\"" + id + "\",\"status\":\"pending\"}");
    assertThat(published.published).hasSize(1);
    Command command = published.published.get(0);
    assertThat(command.commandId()).isEqualTo(id);
    assertThat(command.incidentId()).isEqualTo("inc-1");
    assertThat(command.action()).isEqualTo(CommandKind.ACKNOWLEDGE);
    assertThat(command.actor()).isEqualTo("ops-responder");
    assertThat(KafkaCommandPublisher.toAvro(command).getAction().name()).isEqualTo("ACKNOWLEDGE");
    assertThat(get("/api/v1/commands/" + id, null).body()).contains("\"status\":\"pending\"");

    api.bean(CommandLog.class)
        .answered(CommandOutcome.of(Events.acknowledgedBy("inc-1", id, "ops-responder", T0)).get());

    assertThat(get("/api/v1/commands/" + id, null).body())
        .contains(
            "\"commandId\":\"" + id + "\",\"incidentId\":\"inc-1\",\"action\":\"ACKNOWLEDGE\"")
        .contains("\"status\":\"applied\",\"reason\":null,\"decidedAt\":\"2026-03-02T10:15:30Z\"");
  }

  @Test
  void aRejectedCommandSaysWhyAndALaterAnswerDoesNotChangeIt() {
    String id = commandId(post("/api/v1/incidents/inc-1/resolve", "", responder));
    CommandLog log = api.bean(CommandLog.class);

    log.answered(
        CommandOutcome.of(
                Events.rejected(
                    "inc-1", id, "RESOLVE", "ops-responder", "incident is already resolved", T0))
            .get());
    log.answered(CommandOutcome.of(Events.acknowledgedBy("inc-1", id, "x", T0)).get());

    assertThat(get("/api/v1/commands/" + id, null).body())
        .contains("\"status\":\"rejected\",\"reason\":\"incident is already resolved\"");
  }

  @Test
  void everyActionCarriesItsOwnFields() {
    String until =
        Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(post("/api/v1/incidents/inc-1/reassign", "{\"userId\":\"bob\"}", responder).status())
        .isEqualTo(202);
    assertThat(post("/api/v1/incidents/inc-1/escalate", "{}", responder).status()).isEqualTo(202);
    assertThat(
            post("/api/v1/incidents/inc-1/snooze", "{\"until\":\"" + until + "\"}", responder)
                .status())
        .isEqualTo(202);
    assertThat(
            post("/api/v1/incidents/inc-1/notes", "{\"text\":\"rolled back\"}", responder).status())
        .isEqualTo(202);
    assertThat(
            post("/api/v1/incidents/inc-1/responders", "{\"userId\":\"carol\"}", responder)
                .status())
        .isEqualTo(202);
    assertThat(
            post("/api/v1/incidents/inc-1/merge", "{\"targetIncidentId\":\"inc-2\"}", responder)
                .status())
        .isEqualTo(202);

    assertThat(published.published)
        .extracting(Command::action, Command::userId, Command::note, Command::targetIncidentId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CommandKind.REASSIGN, "bob", null, null),
            org.assertj.core.groups.Tuple.tuple(CommandKind.ESCALATE, null, null, null),
            org.assertj.core.groups.Tuple.tuple(CommandKind.SNOOZE, null, null, null),
            org.assertj.core.groups.Tuple.tuple(CommandKind.ADD_NOTE, null, "rolled back", null),
            org.assertj.core.groups.Tuple.tuple(CommandKind.ADD_RESPONDER, "carol", null, null),
            org.assertj.core.groups.Tuple.tuple(CommandKind.MERGE, null, null, "inc-2"));
    assertThat(published.published.get(2).snoozeUntil()).isEqualTo(Instant.parse(until));
  }

  @Test
  void invalidCommandsAre400WithTheReasonAndNothingIsPublished() {
    assertError(
        post("/api/v1/incidents/inc-1/notes", "{\"text\":\"  \"}", responder),
        400,
        "text must not be blank: write the note");
    assertError(
        post("/api/v1/incidents/inc-1/reassign", "{}", responder),
        400,
        "userId must not be blank: name the user to assign");
    assertError(
        post("/api/v1/incidents/inc-1/reassign", "{\"userId\":\"mallory\"}", responder),
        400,
        "userId names no user of the configuration: 'mallory'");
    assertError(
        post("/api/v1/incidents/inc-1/responders", "{}", responder),
        400,
        "userId must not be blank: name the user to add as responder");
    assertError(
        post("/api/v1/incidents/inc-1/snooze", "{\"until\":\"tomorrow\"}", responder),
        400,
        "until must be an ISO-8601 UTC time like 2026-03-02T11:00:00Z, got 'tomorrow'");
    assertError(
        post("/api/v1/incidents/inc-1/snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}", responder),
        400,
        "until must be in the future, got 2020-01-01T00:00:00Z");
    assertError(
        post("/api/v1/incidents/inc-1/snooze", "{}", responder),
        400,
        "until must be an ISO-8601 time, e.g. 2026-03-02T11:00:00Z");
    assertError(
        post("/api/v1/incidents/inc-1/merge", "{\"targetIncidentId\":\"inc-1\"}", responder),
        400,
        "an incident cannot be merged into itself");
    assertError(
        post("/api/v1/incidents/inc-1/merge", "{\"targetIncidentId\":\"inc-9\"}", responder),
        400,
        "targetIncidentId names no incident: 'inc-9'");
    assertError(
        post("/api/v1/incidents/inc-1/notes", "{\"text\":\"" + "x".repeat(4001) + "\"}", responder),
        400,
        "note must be at most 4000 characters, got 4001");
    assertThat(published.published).isEmpty();
  }

  @Test
  void unknownIncidentsAndCommandsAre404() {
    assertError(
        post("/api/v1/incidents/nope/acknowledge", "{}", responder), 404, "no incident 'nope'");
    assertError(get("/api/v1/commands/nope", null), 404, "no command 'nope'");
  }

  @Test
  void aBrokerFailureIs503WithTheReason() {
    published.failing = true;

    Answer answer = post("/api/v1/incidents/inc-1/acknowledge", "{}", responder);

    assertError(
        answer,
        503,
        "the command could not be put on Kafka (broker down); nothing was done, retry");
  }

  @Test
  void commandsNeedAResponderToken() {
    String viewer = token("dashboard", "viewer");

    assertError(
        post("/api/v1/incidents/inc-1/acknowledge", "{}", null),
        401,
        "missing API token: send 'Authorization: Bearer <token>' with a responder token");
    assertError(
        post("/api/v1/incidents/inc-1/acknowledge", "{}", "not-a-token"),
        401,
        "unknown API token: check it, or ask an admin for a new one (POST /api/v1/tokens)");
    assertError(
        post("/api/v1/incidents/inc-1/acknowledge", "{}", viewer),
        403,
        "token 'dashboard' has role viewer; POST /api/v1/incidents/inc-1/acknowledge needs"
            + " responder");
    assertThat(post("/api/v1/incidents/inc-1/acknowledge", "{}", ADMIN).status()).isEqualTo(202);
  }

  @Test
  void everyAcceptedCommandIsAudited() {
    String id =
        commandId(post("/api/v1/incidents/inc-2/notes", "{\"text\":\"war room\"}", responder));

    String audit = get("/api/v1/audit?limit=500", ADMIN).body();

    assertThat(audit)
        .contains(
            "\"actor\":\"ops-responder\",\"via\":\"api\",\"action\":\"incident.add_note\","
                + "\"target\":\"inc-2\",\"details\":{\"commandId\":\""
                + id
                + "\",\"note\":\"war room\"}}");
  }

  @Test
  void aUserAddedToTheConfigurationCanBeAssignedFromTheNextRequestOn() throws Exception {
    String local =
        java.nio.file.Files.readString(java.nio.file.Path.of("../deploy/local/vigil.yaml"));
    assertError(
        post("/api/v1/incidents/inc-1/reassign", "{\"userId\":\"erin\"}", responder),
        400,
        "userId names no user of the configuration: 'erin'");
    try {
      api.config()
          .replace(
              local.replace(
                  "\nteams:",
                  "  - { id: erin, name: Erin, contactMethods: [ { id: erin-mail, type: email,"
                      + " address: erin@example.com } ] }\n\nteams:"));

      Answer answer = post("/api/v1/incidents/inc-1/reassign", "{\"userId\":\"erin\"}", responder);

      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      assertThat(published.published).extracting(Command::userId).containsExactly("erin");
    } finally {
      api.config().replace(local);
    }
  }

  static String token(String name, String role) {
    Answer answer =
        api.send(
            as(
                ADMIN,
                HttpRequest.POST(
                    "/api/v1/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
    assertThat(answer.status()).isEqualTo(201);
    Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(answer.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static Answer post(String uri, String body, String token) {
    return api.send(as(token, HttpRequest.POST(uri, body).contentType("application/json")));
  }

  private static Answer get(String uri, String token) {
    return api.send(as(token, HttpRequest.GET(uri)));
  }

  private static String commandId(Answer answer) {
    Matcher m = COMMAND_ID.matcher(answer.body());
    assertThat(m.find()).as(answer.body()).isTrue();
    return m.group(1);
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
  }
}
