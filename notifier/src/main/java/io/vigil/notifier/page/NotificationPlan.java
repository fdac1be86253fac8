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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a page into the steps of each paged user's notification rules for its urgency, each due its
 * {@code after} past the page; users paged twice in one page are reached once, unknown users and
 * unknown contact methods are logged and skipped.
 */
public final class NotificationPlan {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationPlan.class);

  private final VigilConfig config;

  public NotificationPlan(VigilConfig config) {
    this.config = config;
  }

  /** Every step of {@code page}, in rule order per user, timed from {@code pagedAt}. */
  public List<ScheduledStep> stepsOf(Page page, Instant pagedAt) {
    List<ScheduledStep> steps = new ArrayList<>();
    for (String userId : page.userIds()) {
      Optional<User> user = config.user(userId);
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

  /** The attempt a step becomes, if its user and contact method are still configured. */
  public Optional<Attempt> attemptOf(ScheduledStep step) {
    Optional<ContactMethod> method =
        config.user(step.userId()).flatMap(u -> u.contactMethod(step.contactMethodId()));
    if (method.isEmpty()) {
      LOG.warn(
          "step {} names user '{}' / contact method '{}', no longer configured: not sent",
          step.attemptId(),
          step.userId(),
          step.contactMethodId());
    }
    return method.map(m -> new Attempt(step.page(), step.userId(), m, step.step()));
  }

  /** The attempt of the rule step after {@code attempt}'s, if the user's rules have one. */
  public Optional<Attempt> nextAfter(Attempt attempt) {
    if (attempt.isDigest()) {
      return Optional.empty();
    }
    Optional<User> user = config.user(attempt.userId());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    List<NotificationRule> rules = rulesOf(user.get(), attempt.page());
    int next = attempt.step() + 1;
    if (next >= rules.size()) {
      return Optional.empty();
    }
    return user.get()
        .contactMethod(rules.get(next).contactMethod())
        .map(m -> new Attempt(attempt.page(), attempt.userId(), m, next));
  }

  private static List<NotificationRule> rulesOf(User user, Page page) {
    return user.notificationRules().forUrgency(page.urgency().name());
  }
}
