package io.vigil.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An on-call schedule: layers of rotations in the schedule's time zone, later layers covering
 * earlier ones, and overrides covering all layers.
 */
public record Schedule(
    String id, String name, String timeZone, List<Layer> layers, List<Override> overrides) {

  public Schedule {
    timeZone = timeZone == null ? "UTC" : timeZone;
    layers = layers == null ? List.of() : List.copyOf(layers);
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  /**
   * A rotation: {@code users} take turns, each for {@code shift}, starting at {@code start} local
   * time.
   */
  public record Layer(
      LocalDateTime start, Duration shift, List<String> users, List<Restriction> restrictions) {

    public Layer {
      users = users == null ? List.of() : List.copyOf(users);
      restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }
  }

  /**
   * A window a layer is limited to, e.g. weekdays 09:00–17:00; {@code days} are three-letter day
   * names ({@code mon}..{@code sun}), empty meaning every day.
   */
  public record Restriction(List<String> days, String from, String to) {

    public Restriction {
      days = days == null ? List.of() : List.copyOf(days);
    }
  }

  /**
   * {@code user} is on call instead of whoever the layers say, from {@code start} to {@code end}.
   */
  public record Override(LocalDateTime start, LocalDateTime end, String user) {}
}
