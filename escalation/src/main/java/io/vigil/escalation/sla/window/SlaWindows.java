package io.vigil.escalation.sla.window;

import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindow;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Hourly and daily tumbling windows (UTC, aligned to the epoch) of each service and priority's
 * measurements, by the time each was taken; a window's {@code SlaWindowSummarized} is published on
 * {@code vigil.sla.v1} once, when the windows' clock passes its end plus the grace, and a
 * measurement later than that is dropped (Kafka Streams' dropped-records metric counts it).
 */
public final class SlaWindows {

  /** The timer processor's child that takes its measurements and ticks. */
  public static final String MEASUREMENTS = "sla-measurements";

  /** Names the repartition topic {@code vigil-escalation-sla-measurements-by-service-...}. */
  public static final String BY_SERVICE = "sla-measurements-by-service";

  private SlaWindows() {}

  /** The window store of {@code window}: {@code sla-hour-windows} or {@code sla-day-windows}. */
  public static String store(SlaWindow window) {
    return prefix(window) + "-windows";
  }

  /**
   * Adds the windows to the topology, fed by the measurements {@code timers} forwards to its child
   * {@link #MEASUREMENTS}: {@link WindowSummary} values of one or more measurements taken at the
   * record's timestamp, keyed {@code serviceId/priority}, and empty ones under the tick key.
   */
  public static void build(KStream<String, Object> timers, Serde<SlaEvent> sla, Duration grace) {
    Serde<WindowSummary> measurements = new JsonSerde<>(WindowSummary.class);
    KGroupedStream<String, WindowSummary> byService =
        timers
            .mapValues(v -> (WindowSummary) v, Named.as(MEASUREMENTS))
            .repartition(
                Repartitioned.<String, WindowSummary>as(BY_SERVICE)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(measurements)
                    .withStreamPartitioner(new TickBroadcast()))
            .groupByKey(Grouped.with(BY_SERVICE, Serdes.String(), measurements));
    summarize(byService, SlaWindow.HOUR, Duration.ofHours(1), grace, sla);
    summarize(byService, SlaWindow.DAY, Duration.ofDays(1), grace, sla);
  }

  private static void summarize(
      KGroupedStream<String, WindowSummary> byService,
      SlaWindow window,
      Duration size,
      Duration grace,
      Serde<SlaEvent> sla) {
    String prefix = prefix(window);
    byService
        .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
        .aggregate(
            WindowSummary::empty,
            (key, measured, summary) -> summary.merge(measured),
            Named.as(prefix + "-aggregate"),
            Materialized.<String, WindowSummary, WindowStore<Bytes, byte[]>>as(store(window))
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(WindowSummary.class)))
        .suppress(
            Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                .withName(prefix + "-closed"))
        .toStream(Named.as(prefix + "-closed-windows"))
        .filter(
            (key, summary) -> summary != null && !summary.isEmpty(), Named.as(prefix + "-measured"))
        .map(
            (key, summary) ->
                KeyValue.pair(
                    Measurements.serviceOf(key.key()),
                    summary.summarized(
                        key.key(), window, key.window().startTime(), key.window().endTime())),
            Named.as(prefix + "-summaries"))
        .to(Topics.SLA.name(), Produced.with(Serdes.String(), sla).withName(prefix + "-sink"));
  }

  private static String prefix(SlaWindow window) {
    return "sla-" + window.name().toLowerCase(java.util.Locale.ROOT);
  }
}
