package io.vigil.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the configuration's durations: a number and a unit, {@code 30s, 5m, 1h, 1d, 1w,
 * 250ms}.
 */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  private Durations() {}

  /**
   * Parses {@code text}, e.g. {@code 5m}.
   *
   * @throws IllegalArgumentException naming the accepted format when {@code text} does not match
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: use a whole number and a unit, e.g. 250ms, 30s, 5m, 1h, 1d, 1w");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** The shortest exact text for {@code d} in the same format. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    long[] sizes = {7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000};
    String[] units = {"w", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms != 0 && ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }
}
