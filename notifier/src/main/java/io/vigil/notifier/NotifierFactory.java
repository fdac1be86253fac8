package io.vigil.notifier;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.config.ContactMethod;
import io.vigil.config.VigilConfig;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.notifier.page.PageDispatcher;
import io.vigil.notifier.webhook.RetryPolicy;
import io.vigil.notifier.webhook.WebhookSender;
import io.vigil.runtime.kafka.DeadLetters;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** Wires the notifier's plain domain classes: the dispatcher, its channel senders, dead letters. */
@Factory
public class NotifierFactory {

  @Singleton
  WebhookSender webhookSender(
      @Value("${vigil.notifier.webhook.timeout:5s}") Duration timeout,
      @Value("${vigil.notifier.webhook.tries:3}") int tries,
      @Value("${vigil.notifier.webhook.backoff:200ms}") Duration backoff) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new WebhookSender(http, timeout, new RetryPolicy(tries, backoff));
  }

  @Singleton
  PageDispatcher pageDispatcher(VigilConfig config, WebhookSender webhook, DeliveryLog log) {
    return new PageDispatcher(config, Map.of(ContactMethod.ContactType.WEBHOOK, webhook), log);
  }

  @Singleton
  @Bean(preDestroy = "close")
  DeadLetters deadLetters(
      @Value("${kafka.bootstrap.servers}") String bootstrapServers, SchemaRegistryClient registry) {
    return new DeadLetters("notifier", bootstrapServers, registry);
  }
}
