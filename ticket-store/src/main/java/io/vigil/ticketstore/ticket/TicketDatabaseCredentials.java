package io.vigil.ticketstore.ticket;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * An unset {@code VIGIL_DB_USER} or {@code VIGIL_DB_PASSWORD} means "none given", not "empty": the
 * driver then falls back to the user in the JDBC URL or its own default, as {@code psql} would.
 */
@Singleton
class TicketDatabaseCredentials implements BeanCreatedEventListener<DatasourceConfiguration> {

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    if (isBlank(config.getConfiguredUsername())) {
      config.setUsername(null);
    }
    if (isBlank(config.getConfiguredPassword())) {
      config.setPassword(null);
    }
    return config;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
