package io.vigil.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A response body shaped like PagerDuty's Events API v2 answers, so existing clients read it:
 * {@code status}, {@code message}, and {@code dedup_key} (or {@code dedup_keys} for a webhook
 * batch) or {@code errors}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(
    String status,
    String message,
    @JsonProperty("dedup_key") String dedupKey,
    @JsonProperty("dedup_keys") List<String> dedupKeys,
    List<String> errors) {

  /** 202 for one event: the event is on Kafka. */
  public static IngestResponse success(String message, String dedupKey) {
    return new IngestResponse("success", message, dedupKey, null, null);
  }

  /** 202 for a batch: every alert is on Kafka. */
  public static IngestResponse success(String message, List<String> dedupKeys) {
    return new IngestResponse("success", message, null, dedupKeys, null);
  }

  /** Any refusal; {@code errors} only when there are some. */
  public static IngestResponse refused(String status, String message, List<String> errors) {
    return new IngestResponse(
        status, message, null, null, errors == null || errors.isEmpty() ? null : errors);
  }
}
