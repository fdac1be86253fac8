package io.vigil.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnqueueValidatorTest {

  private final EnqueueValidator validator = new EnqueueValidator(Samples.integrationKeys());

  private java.util.List<String> errorsOf(String json) throws Exception {
    return validator.validate(EnqueueRequestParser.parse(json));
  }

  @Test
  void acceptsPagerDutysDocumentedTriggerExample() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("trigger-full"))).isEmpty();
  }

  @Test
  void acceptsMinimalTriggerWithoutDedupKey() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("trigger-minimal"))).isEmpty();
  }

  @Test
  void acceptsAcknowledgeWithDedupKeyAndNoPayload() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("acknowledge"))).isEmpty();
  }

  @Test
  void resolveNeedsDedupKey() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("resolve-without-dedup-key")))
        .containsExactly(
            "'dedup_key' is missing or blank (required to resolve: use the key the trigger"
                + " returned)");
  }

  @Test
  void namesEveryBadFieldOfAnInvalidTrigger() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("trigger-invalid")))
        .containsExactly(
            "'payload.summary' is missing or blank",
            "'payload.source' is missing or blank",
            "'payload.severity' is invalid (must be one of the following: 'critical', 'error',"
                + " 'warning' or 'info')",
            "'payload.timestamp' is invalid (must be an ISO-8601 date-time such as"
                + " 2015-07-17T08:42:58.315+0000)",
            "'links[0].href' is missing or blank");
  }

  @Test
  void refusesKeysThatAreNotEventsV2Integrations() throws Exception {
    assertThat(errorsOf(Samples.pagerDuty("trigger-alertmanager-key")))
        .containsExactly(
            "Invalid routing key: this key belongs to the service's alertmanager integration;"
                + " send alertmanager requests to /integrations/alertmanager, or use the"
                + " service's [events-v2] key here");
  }

  @Test
  void refusesMalformedAndUnknownKeysSayingWhich() throws Exception {
    String event = "{\"routing_key\":\"%s\",\"event_action\":\"acknowledge\",\"dedup_key\":\"k\"}";
    assertThat(errorsOf(event.formatted("ABCDEF")))
        .containsExactly(
            "Invalid routing key: the integration key must be 32 lower-case hex characters (this"
                + " one has 6 characters or other symbols); copy the key from the service's"
                + " configuration");
    assertThat(errorsOf(event.formatted("f".repeat(32))))
        .containsExactly(
            "Invalid routing key: no events-v2 integration of any service has it; use the"
                + " integration key from the service's configuration");
  }

  @Test
  void limitsTheLengthOfEveryFreeTextField() throws Exception {
    String json =
        "{\"routing_key\":\"11111111111111111111111111111111\",\"event_action\":\"trigger\","
            + "\"client\":\""
            + "c".repeat(1025)
            + "\",\"payload\":{\"summary\":\"s\",\"source\":\""
            + "h".repeat(1025)
            + "\",\"severity\":\"info\",\"component\":\""
            + "x".repeat(2000)
            + "\"}}";
    assertThat(errorsOf(json))
        .containsExactly(
            "'payload.source' is longer than 1024 characters (1025)",
            "'payload.component' is longer than 1024 characters (2000)",
            "'client' is longer than 1024 characters (1025)");
  }

  @Test
  void refusesMissingEverything() throws Exception {
    assertThat(errorsOf("{}"))
        .containsExactly("'routing_key' is missing or blank", "'event_action' is missing or blank");
  }

  @Test
  void refusesUnknownActionAndMissingPayloadOfTrigger() throws Exception {
    assertThat(
            errorsOf(
                "{\"routing_key\":\"11111111111111111111111111111111\",\"event_action\":\"fire\"}"))
        .containsExactly(
            "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge'"
                + " or 'resolve')");
    assertThat(
            errorsOf(
                "{\"routing_key\":\"11111111111111111111111111111111\","
                    + "\"event_action\":\"trigger\"}"))
        .containsExactly("'payload' is missing (a trigger needs summary, source and severity)");
  }

  @Test
  void limitsDedupKeyAndSummaryLength() throws Exception {
    String json =
        "{\"routing_key\":\"11111111111111111111111111111111\",\"event_action\":\"trigger\","
            + "\"dedup_key\":\""
            + "k".repeat(256)
            + "\",\"payload\":{\"summary\":\""
            + "s".repeat(1025)
            + "\",\"source\":\"db-1\",\"severity\":\"info\"}}";
    assertThat(errorsOf(json))
        .containsExactly(
            "'dedup_key' is longer than 255 characters (256)",
            "'payload.summary' is longer than 1024 characters (1025)");
  }

  @Test
  void reportsWrongJsonTypesInsteadOfGuessing() throws Exception {
    String json =
        "{\"routing_key\":\"11111111111111111111111111111111\",\"event_action\":\"trigger\","
            + "\"payload\":{\"summary\":{\"text\":\"x\"},\"source\":\"db-1\","
            + "\"severity\":\"info\"},\"links\":\"https://example.com\"}";
    assertThat(errorsOf(json))
        .containsExactly(
            "'payload.summary' must be a string",
            "'links' must be an array of {\"href\": ..., \"text\": ...} objects",
            "'payload.summary' is missing or blank");
  }

  @Test
  void malformedJsonIsRejectedWithWhereAndWhy() {
    assertThatThrownBy(() -> EnqueueRequestParser.parse("{\"routing_key\": "))
        .isInstanceOf(EnqueueRequestParser.MalformedEventException.class)
        .hasMessageStartingWith("Request body is not valid JSON (line 1, column 17): ");
    assertThatThrownBy(() -> EnqueueRequestParser.parse("[1, 2]"))
        .hasMessage("Request body must be a JSON object, not array");
    assertThatThrownBy(() -> EnqueueRequestParser.parse(" "))
        .hasMessage(
            "Request body is empty: send a JSON object with routing_key, event_action and"
                + " payload");
  }
}
