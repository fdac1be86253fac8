package io.vigil.notifier.schedule;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.notifier.storm.StormDigest;
import io.vigil.notifier.storm.StormWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storm digest applied to the steps one task hands over, its windows kept in the task's
 * changelogged store ({@code notifier-storm-windows}) so a restart or rebalance loses no count: a
 * step passes or is folded, and an ended window sends its digest.
 */
final class StormWindows {

  private static final Logger LOG = LoggerFactory.getLogger(StormWindows.class);

  private final StormDigest storm;
  private final NotificationPlan plan;
  private final KeyValueStore<String, StormWindow> windows;
  private final Consumer<ScheduledStep> sendDigest;

  StormWindows(
      StormDigest storm,
      NotificationPlan plan,
      KeyValueStore<String, StormWindow> windows,
      Consumer<ScheduledStep> sendDigest) {
    this.storm = storm;
    this.plan = plan;
    this.windows = windows;
    this.sendDigest = sendDigest;
  }

  /** {@code step} as it is to be handed over: unchanged, or marked as folded into a digest. */
  ScheduledStep admit(ScheduledStep step, long now) {
    if (!storm.isOn() || step.digest() != null) {
      return step;
    }
    Optional<ContactMethod> method = plan.contactMethodOf(step);
    if (method.isEmpty()) {
      return step; // the engine records why it is not sent
    }
    String channel = method.get().type().yamlName();
    String key = StormDigest.keyOf(step.userId(), channel);
    StormWindow window = windows.get(key);
    if (window != null && window.endsAtMillis() <= now) {
      flush(key, window, now);
      window = windows.get(key);
    }
    StormDigest.Admission admission = storm.admit(window, step, channel, now);
    if (admission.window() != window) {
      windows.put(key, admission.window());
    }
    return admission.step();
  }

  /** Ends every window whose time is up, sending the digests of those that folded anything. */
  void flushEnded(long now) {
    List<KeyValue<String, StormWindow>> ended = new ArrayList<>();
    try (KeyValueIterator<String, StormWindow> it = windows.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.endsAtMillis() <= now) {
              ended.add(kv);
            }
          });
    }
    ended.forEach(kv -> flush(kv.key, kv.value, now));
  }

  private void flush(String key, StormWindow window, long now) {
    StormDigest.Flush flush = storm.flush(window, now);
    if (flush.next() == null) {
      windows.delete(key);
    } else {
      windows.put(key, flush.next());
    }
    flush
        .digest()
        .ifPresent(
            digest -> {
              LOG.info(
                  "storm window {} ended: {} goes out ({})",
                  key,
                  digest.attemptId(),
                  digest.digest());
              sendDigest.accept(digest);
            });
  }
}
