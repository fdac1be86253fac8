package io.vigil.schemas.topic;

import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.ChangeEvent;
import io.vigil.schemas.ConfigEntity;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.SlaEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/** The catalogue of every topic in Vigil's contract; the only place topic names are spelled. */
public final class Topics {

  public static final Topic<AlertEvent> ALERTS =
      new Topic<>("vigil.alerts.v1", AlertEvent.class, "alert-ingest", false, "serviceId/dedupKey");

  public static final Topic<ChangeEvent> CHANGES =
      new Topic<>("vigil.changes.v1", ChangeEvent.class, "alert-ingest", false, "service id");

  public static final Topic<IncidentCommand> INCIDENT_COMMANDS =
      new Topic<>(
          "vigil.incident-commands.v1",
          IncidentCommand.class,
          "ticket-store",
          false,
          "incident id");

  public static final Topic<IncidentEvent> INCIDENTS =
      new Topic<>("vigil.incidents.v1", IncidentEvent.class, "classifier", false, "incident id");

  public static final Topic<EscalationEvent> ESCALATIONS =
      new Topic<>(
          "vigil.escalations.v1", EscalationEvent.class, "escalation", false, "incident id");

  public static final Topic<NotificationEvent> NOTIFICATIONS =
      new Topic<>("vigil.notifications.v1", NotificationEvent.class, "notifier", false, "user id");

  public static final Topic<SlaEvent> SLA =
      new Topic<>("vigil.sla.v1", SlaEvent.class, "escalation", false, "service id");

  public static final Topic<ConfigEntity> CONFIG =
      new Topic<>("vigil.config.v1", ConfigEntity.class, "ticket-store", true, "kind/id");

  public static final Topic<DeadLetter> DEAD_LETTERS =
      new Topic<>("vigil.dead-letters.v1", DeadLetter.class, "any", false, "original key");

  /** Every topic, in the order of the life of an incident. */
  public static final List<Topic<?>> ALL =
      List.of(
          ALERTS,
          CHANGES,
          INCIDENT_COMMANDS,
          INCIDENTS,
          ESCALATIONS,
          NOTIFICATIONS,
          SLA,
          CONFIG,
          DEAD_LETTERS);

  private Topics() {}

  /** The topic of that name, if it is in the catalogue. */
  public static Optional<Topic<?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The key of an alert on {@link #ALERTS}: {@code serviceId/dedupKey}. */
  public static String alertKey(String serviceId, String dedupKey) {
    return serviceId + "/" + dedupKey;
  }

  /**
   * The service id of an alert key ({@code serviceId/dedupKey}; the whole key if it has no '/').
   */
  public static String serviceOfAlertKey(String alertKey) {
    int slash = alertKey.indexOf('/');
    return slash < 0 ? alertKey : alertKey.substring(0, slash);
  }

  /**
   * The partition, of a topic with {@code partitions} partitions, that Kafka's default partitioning
   * gives a record keyed by the service id (murmur2 of its UTF-8 bytes): where the classifier keeps
   * the service's state, and where alert-ingest writes the service's alerts so that they reach it
   * without a repartition hop ({@link AlertPartitioner}).
   */
  public static int servicePartition(String serviceId, int partitions) {
    byte[] bytes = serviceId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
  }
}
