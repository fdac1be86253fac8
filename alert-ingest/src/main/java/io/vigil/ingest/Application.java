package io.vigil.ingest;

import io.micronaut.runtime.Micronaut;

/** Starts alert-ingest: the HTTP front door that puts every accepted alert on Kafka. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
