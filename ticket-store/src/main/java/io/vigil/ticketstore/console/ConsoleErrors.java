package io.vigil.ticketstore.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;

/** Answers a refused console request with its status and reason as plain text. */
@Hidden
@Controller
public class ConsoleErrors {

  @Error(global = true, exception = ConsoleRejected.class)
  HttpResponse<String> rejected(ConsoleRejected e) {
    return HttpResponse.<String>status(HttpStatus.valueOf(e.status()))
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body(e.getMessage());
  }
}
