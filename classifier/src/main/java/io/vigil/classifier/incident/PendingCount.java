package io.vigil.classifier.incident;

/**
 * Repeats of alerts already firing in an incident (and alerts joining a storm incident) that were
 * counted into {@link IncidentState#alertCount} but not yet published: the latest of them, which
 * the one {@code AlertGrouped} published for all of them describes. Part of the incident's store
 * value while it is pending; when it is due is in the desk's {@code pending-counts} index.
 */
public final class PendingCount {

  public String dedupKey;
  public String alertEventId;

  /** Event time (millis) of the latest repeat. */
  public long lastSeen;

  public String summary;

  /** When alert-ingest received the latest repeat (millis). */
  public long receivedAt;

  /** For the JSON serde, and a new pending count. */
  public PendingCount() {}
}
