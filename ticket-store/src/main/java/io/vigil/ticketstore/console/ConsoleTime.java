package io.vigil.ticketstore.console;

import java.time.Instant;

/** Formats times for the templates the one way the console shows them: UTC to the second. */
public final class ConsoleTime {

  public static final ConsoleTime INSTANCE = new ConsoleTime();

  private ConsoleTime() {}

  /** {@code 2026-03-01 10:15:00 UTC}, or a dash for no time. */
  public String time(Instant at) {
    return IncidentModels.time(at);
  }
}
