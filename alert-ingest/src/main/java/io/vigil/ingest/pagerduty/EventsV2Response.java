package io.vigil.ingest.pagerduty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A response body shaped like PagerDuty's Events API v2 answers, so existing clients read it:
 * {@code status}, {@code message}, and {@code dedup_key} or {@code errors}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventsV2Response(
    String status,
    String message,
    @JsonProperty("dedup_key") String dedupKey,
    List<String> errors) {

  /** 202: the event is on Kafka. */
  public static EventsV2Response success(String dedupKey) {
    return new EventsV2Response("success", "Event processed", dedupKey, null);
  }

  /** 400: the event is invalid, each error names a field. */
  public static EventsV2Response invalid(List<String> errors) {
    return new EventsV2Response("invalid event", "Event object is invalid", null, errors);
  }

  /** 413: the body is over PagerDuty's size limit. */
  public static EventsV2Response tooLarge(String message) {
    return new EventsV2Response("invalid event", message, null, null);
  }

  /** 503: valid, but not stored; retry. */
  public static EventsV2Response unavailable(String message) {
    return new EventsV2Response("unavailable", message, null, null);
  }
}
