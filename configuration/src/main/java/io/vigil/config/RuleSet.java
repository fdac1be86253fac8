package io.vigil.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every group of validation rules shares: the document, the one list of problems they all add
 * to (each prefixed with its path), and the checks of ids, references, zones and times.
 */
abstract class RuleSet {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  static final Pattern PRIORITY = Pattern.compile("P[1-5]");
  static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

  final VigilConfig config;
  final List<String> problems;

  RuleSet(VigilConfig config, List<String> problems) {
    this.config = config;
    this.problems = problems;
  }

  void positive(String at, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(at + ": required and positive, e.g. 5m");
    }
  }

  void days(String at, List<String> days) {
    for (String d : days) {
      if (!DAYS.contains(d)) {
        problems.add(at + ": '" + d + "' is not one of mon, tue, wed, thu, fri, sat, sun");
      }
    }
  }

  void times(String at, String from, String to) {
    for (String t : new String[] {from, to}) {
      if (t == null || !TIME.matcher(t).matches()) {
        problems.add(at + ": from and to must be times like 09:00 and 17:30, got '" + t + "'");
      }
    }
  }

  <T> void uniqueIds(String at, List<T> items, Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String value = id.apply(items.get(i));
      if (validId(at + "[" + i + "].id", value) && !seen.add(value)) {
        problems.add(at + "[" + i + "].id: '" + value + "' is defined twice");
      }
    }
  }

  boolean validId(String at, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          at + ": '" + id + "' is not a valid id (lower-case letters, digits, '.', '_', '-')");
      return false;
    }
    return true;
  }

  void userRef(String at, String userId) {
    if (userId == null || config.user(userId).isEmpty()) {
      problems.add(at + ": no user '" + userId + "'");
    }
  }

  void zone(String at, String zone) {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      problems.add(at + ": '" + zone + "' is not a time zone (use e.g. Europe/Berlin or UTC)");
    }
  }
}
