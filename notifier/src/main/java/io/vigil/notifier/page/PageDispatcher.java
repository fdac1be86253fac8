package io.vigil.notifier.page;

import io.vigil.config.ContactMethod;
import io.vigil.config.NotificationRule;
import io.vigil.config.User;
import io.vigil.config.VigilConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a page into attempts: for each paged user, the notification rules of the page's urgency, in
 * order; steps due now are sent once each and recorded, steps with a delay are left pending
 * (scheduling them is not built yet).
 */
public final class PageDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(PageDispatcher.class);

  private final VigilConfig config;
  private final Map<ContactMethod.ContactType, ChannelSender> senders;
  private final DeliveryLog log;

  public PageDispatcher(
      VigilConfig config, Map<ContactMethod.ContactType, ChannelSender> senders, DeliveryLog log) {
    this.config = config;
    this.senders = Map.copyOf(senders);
    this.log = log;
  }

  /**
   * Delivers every step of {@code page} that is due now and not yet recorded.
   *
   * @return the attempts made by this call, with their results
   */
  public List<Result> dispatch(Page page) {
    List<Result> results = new ArrayList<>();
    for (String userId : page.userIds()) {
      Optional<User> user = config.user(userId);
      if (user.isEmpty()) {
        LOG.warn(
            "page {} names user '{}', who is not in the configuration: nobody to notify",
            page.escalationEventId(),
            userId);
        continue;
      }
      List<NotificationRule> rules =
          user.get().notificationRules().forUrgency(page.urgency().name());
      if (rules.isEmpty()) {
        LOG.warn(
            "user '{}' has no {} urgency notification rules: page {} reaches nobody",
            userId,
            page.urgency().name().toLowerCase(java.util.Locale.ROOT),
            page.escalationEventId());
      }
      for (int step = 0; step < rules.size(); step++) {
        deliverStep(page, user.get(), rules.get(step), step).ifPresent(results::add);
      }
    }
    return results;
  }

  private Optional<Result> deliverStep(Page page, User user, NotificationRule rule, int step) {
    Optional<ContactMethod> method = user.contactMethod(rule.contactMethod());
    if (method.isEmpty()) {
      LOG.warn(
          "user '{}' rule step {} names contact method '{}', which the user does not have",
          user.id(),
          step,
          rule.contactMethod());
      return Optional.empty();
    }
    Attempt attempt = new Attempt(page, user.id(), method.get(), step);
    if (!rule.after().isZero()) {
      LOG.info(
          "pending: attempt {} is due {} after the page; delayed steps are not scheduled yet",
          attempt.id(),
          rule.after());
      return Optional.empty();
    }
    if (log.isRecorded(attempt.id())) {
      LOG.info("attempt {} was already made; not sending it again", attempt.id());
      return Optional.empty();
    }
    ChannelSender sender = senders.get(method.get().type());
    Delivery delivery =
        sender == null
            ? Delivery.skipped("channel " + method.get().type().yamlName() + " not yet supported")
            : sender.deliver(attempt);
    log.record(attempt, delivery);
    LOG.info(
        "attempt {}: {} after {} tries ({})",
        attempt.id(),
        delivery.outcome(),
        delivery.tries(),
        delivery.detail());
    return Optional.of(new Result(attempt, delivery));
  }

  /** One attempt made and what became of it. */
  public record Result(Attempt attempt, Delivery delivery) {}
}
