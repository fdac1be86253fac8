package io.vigil.notifier.page;

import io.vigil.config.ContactMethod;
import io.vigil.config.NotificationRule;
import io.vigil.config.User;
import io.vigil.config.VigilConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a page into the steps of each paged user's notification rules for its urgency, each due its
 * {@code after} past the page, reading users, contact methods and rules from the configuration as
 * it is at that moment; users paged twice in one page are reached once, unknown users and unknown
 * contact methods are logged and skipped.
 */
public final class NotificationPlan {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationPlan.class);

  private final Supplier<VigilConfig> config;

  /**
   * @param config the configuration as it is now (a {@code LiveConfig}); read at every decision, so
   *     an administrator's change applies to the next page without a restart
   */
  public NotificationPlan(Supplier<VigilConfig> config) {
    this.config = config;
  }

  /** Every step of {@code page}, in rule order per user, timed from {@code pagedAt}. */
  public List<ScheduledStep> stepsOf(Page page, Instant pagedAt) {
    VigilConfig now = config.get();
    List<ScheduledStep> steps = new ArrayList<>();
    for (String userId : page.userIds()) {
      Optional<User> user = now.user(userId);
      if (user.isEmpty()) {
        LOG.warn(
            "page {} names user '{}', who is not in the configuration: nobody to notify",
            page.escalationEventId(),
            userId);
        continue;
      }
      List<NotificationRule> rules = rulesOf(user.get(), page);
      if (rules.isEmpty()) {
        LOG.warn(
            "user '{}' has no {} urgency notification rules: page {} reaches nobody",
            userId,
            page.urgency().name().toLowerCase(Locale.ROOT),
            page.escalationEventId());
      }
      for (int i = 0; i < rules.size(); i++) {
        NotificationRule rule = rules.get(i);
        steps.add(
            new ScheduledStep(
                page, userId, rule.contactMethod(), i, pagedAt.plus(rule.after()).toEpochMilli()));
      }
    }
    return steps;
  }

  /**
   * The attempt a step becomes, with the contact method as configured now, if its user and contact
   * method are still configured.
   */
  public Optional<Attempt> attemptOf(ScheduledStep step) {
    Optional<ContactMethod> method = contactMethodOf(step);
    if (method.isEmpty()) {
      LOG.warn(
          "step {} names user '{}' / contact method '{}', no longer configured: not sent",
          step.attemptId(),
          step.userId(),
          step.contactMethodId());
    }
    return method.map(m -> new Attempt(step.page(), step.userId(), m, step.step(), step.digest()));
  }

  /** The contact method {@code step} names, as configured now. */
  public Optional<ContactMethod> contactMethodOf(ScheduledStep step) {
    return config.get().user(step.userId()).flatMap(u -> u.contactMethod(step.contactMethodId()));
  }

  /**
   * The rule step after {@code failed}'s in the same page, by the user's rules as they are now, due
   * when it would have been due (the page's time plus its {@code after}); empty for a digest or the
   * last step.
   */
  public Optional<ScheduledStep> nextAfter(ScheduledStep failed) {
    if (failed.digest() != null) {
      return Optional.empty();
    }
    Optional<User> user = config.get().user(failed.userId());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    List<NotificationRule> rules = rulesOf(user.get(), failed.page());
    int next = failed.step() + 1;
    if (failed.step() >= rules.size() || next >= rules.size()) {
      return Optional.empty();
    }
    long pagedAt = failed.dueAtMillis() - rules.get(failed.step()).after().toMillis();
    NotificationRule rule = rules.get(next);
    return Optional.of(
        new ScheduledStep(
            failed.page(),
            failed.userId(),
            rule.contactMethod(),
            next,
            pagedAt + rule.after().toMillis()));
  }

  private static List<NotificationRule> rulesOf(User user, Page page) {
    return user.notificationRules().forUrgency(page.urgency().name());
  }
}
