package io.vigil.ticketstore.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the API's failures into answers for every controller: a rejected value is a 400 with its
 * reason, something missing a 404 naming it, a clash a 409, a failing database or broker a 503.
 */
@Controller
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @Error(global = true, exception = IllegalArgumentException.class)
  HttpResponse<ErrorMessage> badRequest(IllegalArgumentException e) {
    return HttpResponse.badRequest(new ErrorMessage(e.getMessage()));
  }

  @Error(global = true, exception = NotFoundException.class)
  HttpResponse<ErrorMessage> notFound(NotFoundException e) {
    return HttpResponse.notFound(new ErrorMessage(e.getMessage()));
  }

  @Error(global = true, exception = ConflictException.class)
  HttpResponse<ErrorMessage> conflict(ConflictException e) {
    return HttpResponse.<ErrorMessage>status(HttpStatus.CONFLICT)
        .body(new ErrorMessage(e.getMessage()));
  }

  @Error(global = true, exception = StoreUnavailableException.class)
  HttpResponse<ErrorMessage> unavailable(StoreUnavailableException e) {
    LOG.error("ticket database unavailable: {}", e.getMessage(), e);
    return HttpResponse.<ErrorMessage>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorMessage("the ticket database is unavailable; try again shortly"));
  }

  @Error(global = true, exception = UnavailableException.class)
  HttpResponse<ErrorMessage> brokerUnavailable(UnavailableException e) {
    LOG.error("{}", e.getMessage(), e);
    return HttpResponse.<ErrorMessage>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorMessage(e.getMessage()));
  }
}
