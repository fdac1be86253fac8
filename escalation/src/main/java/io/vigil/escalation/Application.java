package io.vigil.escalation;

import io.micronaut.runtime.Micronaut;

/** Starts the escalation service: its topology runs until the process is stopped. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
