package io.vigil.notifier;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.delivery.DeliveryEngine;
import io.vigil.notifier.delivery.DeliverySettings;
import io.vigil.notifier.delivery.DestinationLanes;
import io.vigil.notifier.delivery.RetryPolicy;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.link.LinkSettings;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.email.EmailSender;
import io.vigil.notifier.notify.email.SmtpSettings;
import io.vigil.notifier.notify.http.HttpDelivery;
import io.vigil.notifier.notify.http.IncomingWebhookSender;
import io.vigil.notifier.notify.http.PinnedHttp;
import io.vigil.notifier.notify.http.SsrfGuard;
import io.vigil.notifier.notify.http.SsrfSettings;
import io.vigil.notifier.notify.slack.SlackMessage;
import io.vigil.notifier.notify.slack.SlackSettings;
import io.vigil.notifier.notify.sms.SmsSender;
import io.vigil.notifier.notify.sms.SmsSettings;
import io.vigil.notifier.notify.teams.TeamsCard;
import io.vigil.notifier.notify.teams.TeamsSettings;
import io.vigil.notifier.notify.webhook.WebhookSender;
import io.vigil.notifier.notify.webhook.WebhookSettings;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.schedule.NotifierTopology;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the notifier's plain domain classes from its typed settings and the live configuration: the
 * channel senders (email and SMS only when configured), the delivery engine, and the
 * step-scheduling topology.
 */
@Factory
public class NotifierFactory {

  private static final Logger LOG = LoggerFactory.getLogger(NotifierFactory.class);

  /** Wait before recording a state again when Kafka refused it. */
  private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

  @Singleton
  ActionLinks actionLinks(LinkSettings s) {
    return new ActionLinks(
        s.getBaseUrl(), s.getKeyId(), s.getSigningKey(), s.getTtl(), Clock.systemUTC());
  }

  @Singleton
  HttpDelivery httpDelivery(SsrfSettings ssrf) throws NoSuchAlgorithmException {
    LOG.info("user-configured URLs may reach these internal hosts: {}", ssrf.getAllow());
    return new HttpDelivery(
        new PinnedHttp(SSLContext.getDefault()), new SsrfGuard(ssrf.getAllow()));
  }

  @Singleton
  @Bean(preDestroy = "close")
  DeliveryEngine deliveryEngine(
      LiveConfig config,
      DeliveryLog log,
      DeliverySettings s,
      HttpDelivery http,
      ActionLinks links,
      WebhookSettings webhook,
      SlackSettings slack,
      TeamsSettings teams,
      SmtpSettings smtp,
      SmsSettings sms) {
    return new DeliveryEngine(
        new NotificationPlan(config),
        log,
        senders(http, links, webhook, slack, teams, smtp, sms),
        RetryPolicy.of(s.getTries(), s.getBackoff(), s.getMaxBackoff(), s.getJitter()),
        new DestinationLanes(s.getConcurrency(), s.getPerDestination()),
        s.getShutdownGrace(),
        RECORD_RETRY);
  }

  static List<ChannelSender> senders(
      HttpDelivery http,
      ActionLinks links,
      WebhookSettings webhook,
      SlackSettings slack,
      TeamsSettings teams,
      SmtpSettings smtp,
      SmsSettings sms) {
    List<ChannelSender> senders = new ArrayList<>();
    senders.add(new WebhookSender(http, links, webhook.getTimeout(), Clock.systemUTC()));
    senders.add(
        new IncomingWebhookSender(
            ContactMethod.ContactType.SLACK, SlackMessage::of, http, links, slack.getTimeout()));
    senders.add(
        new IncomingWebhookSender(
            ContactMethod.ContactType.TEAMS, TeamsCard::of, http, links, teams.getTimeout()));
    if (smtp.isEnabled()) {
      senders.add(new EmailSender(smtp, links));
    } else {
      LOG.info("email is off: set VIGIL_SMTP_HOST to send email steps");
    }
    if (sms.isEnabled()) {
      senders.add(new SmsSender(HttpDelivery.client(sms.getTimeout()), sms, links));
    } else {
      LOG.info("SMS and voice are off: set VIGIL_SMS_BASE_URL to send them");
    }
    return senders;
  }

  @Singleton
  @Requires(property = "vigil.streams.enabled", notEquals = "false")
  StreamsTopology notifierTopology(
      LiveConfig config,
      SchemaRegistryClient registry,
      DeliveryEngine engine,
      DeliverySettings settings) {
    return new StreamsTopology(
        NotifierTopology.APPLICATION_ID,
        NotifierTopology.build(
            config, registry, engine, NotifierTopology.TICK, settings.getDigestInterval()),
        Map.of(
            // A notifier that died is replaced within ~10 s, not Kafka's default 45 s: pages wait.
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000,
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000));
  }
}
