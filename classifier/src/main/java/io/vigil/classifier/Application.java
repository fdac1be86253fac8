package io.vigil.classifier;

import io.micronaut.runtime.Micronaut;

/** Starts the classifier service: its topology runs until the process is stopped. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
