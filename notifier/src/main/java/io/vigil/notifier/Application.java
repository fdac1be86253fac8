package io.vigil.notifier;

import io.micronaut.runtime.Micronaut;

/** Starts the notifier: every escalation becomes pages over each person's contact methods. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
