package io.vigil.ticketstore.api;

import io.micronaut.serde.annotation.Serdeable;

/** Every error body of the API: one sentence saying what is wrong and what to do. */
@Serdeable
public record ErrorMessage(String message) {}
