package io.vigil.classifier.routing;

import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Commands that name an incident the directory does not know yet wait here, in the order they
 * arrived, until that incident opens or their wait runs out; kept in a changelogged store so a
 * restart loses none.
 */
final class PendingCommands {

  /** A command whose wait ran out, and the incident it waited for. */
  record Expired(IncidentCommand command, String awaitedIncidentId) {}

  private final KeyValueStore<String, PendingCommand> store;
  private final Serde<IncidentCommand> commands;

  PendingCommands(KeyValueStore<String, PendingCommand> store, Serde<IncidentCommand> commands) {
    this.store = store;
    this.commands = commands;
  }

  /**
   * Keeps {@code command}, seen at {@code offset} of its partition, until {@code awaited} opens.
   */
  void hold(String awaited, long offset, IncidentCommand command, long now) {
    byte[] bytes = commands.serializer().serialize(Topics.INCIDENT_COMMANDS.name(), command);
    store.put(key(awaited, offset), new PendingCommand(now, awaited, offset, bytes));
  }

  /** Takes out the commands waiting for {@code incidentId}, oldest first. */
  List<KeyValue<Long, IncidentCommand>> release(String incidentId) {
    List<KeyValue<String, PendingCommand>> waiting = new ArrayList<>();
    try (KeyValueIterator<String, PendingCommand> it =
        store.range(incidentId + "/", incidentId + "/~")) {
      it.forEachRemaining(waiting::add);
    }
    List<KeyValue<Long, IncidentCommand>> released = new ArrayList<>();
    for (KeyValue<String, PendingCommand> entry : waiting) {
      store.delete(entry.key);
      released.add(KeyValue.pair(entry.value.offset, read(entry.value)));
    }
    return released;
  }

  /** Takes out the commands that have waited {@code waitMillis} by {@code now}. */
  List<Expired> expire(long now, long waitMillis) {
    List<KeyValue<String, PendingCommand>> due = new ArrayList<>();
    try (KeyValueIterator<String, PendingCommand> it = store.all()) {
      it.forEachRemaining(
          entry -> {
            if (entry.value.heldSince + waitMillis <= now) {
              due.add(entry);
            }
          });
    }
    List<Expired> expired = new ArrayList<>();
    for (KeyValue<String, PendingCommand> entry : due) {
      store.delete(entry.key);
      expired.add(new Expired(read(entry.value), entry.value.awaitedIncidentId));
    }
    return expired;
  }

  private IncidentCommand read(PendingCommand pending) {
    return commands.deserializer().deserialize(Topics.INCIDENT_COMMANDS.name(), pending.command);
  }

  private static String key(String awaited, long offset) {
    return String.format("%s/%019d", awaited, Math.max(0, offset));
  }
}
