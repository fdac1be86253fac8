package io.vigil.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A new schema may join a subject only if Avro's own reader/writer check passes in the directions
 * the subject's level names, against the latest version or, for the transitive levels, every one.
 */
public enum Compatibility {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** Confluent's default, and Vigil's: consumers upgrade first, fields are added with defaults. */
  public static final Compatibility DEFAULT = BACKWARD;

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  Compatibility(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /**
   * Parses a level as Confluent spells it (case-insensitive).
   *
   * @throws RegistryException 422/42203 when it is not one of the seven levels
   */
  public static Compatibility parse(String level) {
    if (level != null) {
      try {
        return valueOf(level.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the error below
      }
    }
    throw new RegistryException(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  /** Whether this level compares with every earlier version rather than only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Checks {@code candidate} against the subject's live versions ({@code previous}, oldest first).
   *
   * @return one message per incompatibility; empty when the candidate may be registered
   */
  public List<String> check(Schema candidate, List<Versioned> previous) {
    if (this == NONE || previous.isEmpty()) {
      return List.of();
    }
    List<Versioned> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
    List<String> messages = new ArrayList<>();
    for (Versioned old : against) {
      if (newReadsOld) {
        describe(candidate, old.schema(), "the new schema cannot read data written by", old)
            .forEach(messages::add);
      }
      if (oldReadsNew) {
        describe(old.schema(), candidate, "data written by the new schema cannot be read by", old)
            .forEach(messages::add);
      }
    }
    return messages;
  }

  private List<String> describe(Schema reader, Schema writer, String relation, Versioned old) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (Incompatibility i : result.getResult().getIncompatibilities()) {
      messages.add(
          "{errorType:'"
              + i.getType()
              + "', description:'"
              + relation
              + " version "
              + old.version()
              + " ("
              + this
              + "): "
              + i.getMessage()
              + "', location:'"
              + i.getLocation()
              + "'}");
    }
    return messages;
  }

  /**
   * An earlier schema and the version it holds under the subject.
   *
   * @param version its version under the subject
   * @param schema the parsed schema
   */
  public record Versioned(int version, Schema schema) {}
}
