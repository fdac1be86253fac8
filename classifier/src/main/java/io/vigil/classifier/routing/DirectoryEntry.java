package io.vigil.classifier.routing;

/**
 * What the incident directory knows of one incident: its service, and since when (wall clock) it
 * has been closed, null while it is open.
 */
public final class DirectoryEntry {

  public String serviceId;
  public Long closedAt;

  /** For the JSON serde. */
  public DirectoryEntry() {}

  public DirectoryEntry(String serviceId) {
    this.serviceId = serviceId;
  }
}
