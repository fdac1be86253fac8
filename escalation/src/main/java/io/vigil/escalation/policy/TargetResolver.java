package io.vigil.escalation.policy;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.schedule.OnCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a level's targets into the people to page now: a user is that user, a team is every member,
 * a schedule is whoever is on call; each person is paged once per level.
 */
public final class TargetResolver {

  private final VigilConfig config;

  public TargetResolver(VigilConfig config) {
    this.config = config;
  }

  /** The people {@code level} pages at {@code at}, in target order, without duplicates. */
  public List<PagedUser> resolve(EscalationPolicy.Level level, Instant at) {
    Map<String, PagedUser> users = new LinkedHashMap<>();
    for (EscalationPolicy.Target target : level.targets()) {
      if (target.user() != null) {
        users.putIfAbsent(target.user(), new PagedUser(target.user(), null));
      } else if (target.team() != null) {
        String via = "team:" + target.team();
        config.team(target.team()).stream()
            .flatMap(team -> team.members().stream())
            .forEach(member -> users.putIfAbsent(member, new PagedUser(member, via)));
      } else if (target.schedule() != null) {
        String via = "schedule:" + target.schedule();
        config
            .schedule(target.schedule())
            .flatMap(schedule -> OnCall.at(schedule, at))
            .ifPresent(user -> users.putIfAbsent(user, new PagedUser(user, via)));
      }
    }
    return new ArrayList<>(users.values());
  }
}
