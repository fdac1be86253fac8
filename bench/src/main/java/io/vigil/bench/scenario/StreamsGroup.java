package io.vigil.bench.scenario;

import io.vigil.bench.stack.ConsumerLag;
import io.vigil.schemas.topic.Topics;
import java.util.List;

/**
 * A Vigil Kafka Streams service as a consumer group (its application id) and the topics it reads,
 * so its lag counts records it has not started on.
 */
public record StreamsGroup(String id, List<String> inputs) {

  public static final StreamsGroup CLASSIFIER =
      new StreamsGroup("vigil-classifier", List.of(Topics.ALERTS.name()));
  public static final StreamsGroup ESCALATION =
      new StreamsGroup("vigil-escalation", List.of(Topics.INCIDENTS.name()));
  public static final StreamsGroup NOTIFIER =
      new StreamsGroup("vigil-notifier", List.of(Topics.ESCALATIONS.name()));

  /** The pipeline in order, for waiting until all of it is idle. */
  public static final List<StreamsGroup> PIPELINE = List.of(CLASSIFIER, ESCALATION, NOTIFIER);

  /** The group's lag now. */
  public ConsumerLag.Reading read(ConsumerLag lag) throws InterruptedException {
    return lag.read(id, inputs.toArray(String[]::new));
  }
}
