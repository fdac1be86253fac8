package io.vigil.escalation;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the escalation service: its topology and on-call API run until the process is stopped. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "vigil-escalation",
            version = "v1",
            description = "Who is on call, and the on-call shifts of Vigil's schedules."))
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
