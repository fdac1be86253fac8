package io.vigil.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema joins a subject only if it parses as Avro and passes the subject's compatibility level;
 * identical schema text gets one global id across subjects, and re-registering returns it.
 */
public final class SchemaRegistry {

  private final SchemaStore store;
  private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

  public SchemaRegistry(SchemaStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Registers {@code schemaText} under {@code subject}, or finds the version already holding it.
   *
   * @return the global schema id
   * @throws RegistryException 422/42201 when it does not parse, 409/409 when incompatible
   */
  public synchronized int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String normalised = schema.toString();
    List<SchemaVersion> all = store.versions(subject);
    List<SchemaVersion> live = live(all);
    for (SchemaVersion v : live) {
      if (v.schema().equals(normalised)) {
        return v.id();
      }
    }
    Compatibility level = effectiveCompatibility(subject);
    List<String> problems = level.check(schema, parsed(live));
    if (!problems.isEmpty()) {
      throw new RegistryException(
          409,
          409,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\", details: "
              + problems);
    }
    int id = store.idOf(normalised).orElse(store.maxId() + 1);
    int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    store.put(new SchemaVersion(subject, version, id, normalised, false));
    parsedById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * The live version of {@code subject} holding {@code schemaText}.
   *
   * @throws RegistryException 404/40401 without such subject, 404/40403 without such schema
   */
  public SchemaVersion lookup(String subject, String schemaText) {
    String normalised = parse(schemaText).toString();
    List<SchemaVersion> live = live(store.versions(subject));
    if (live.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return live.stream()
        .filter(v -> v.schema().equals(normalised))
        .findFirst()
        .orElseThrow(() -> RegistryException.schemaNotFound("under subject '" + subject + "'"));
  }

  /** The schema text with that id; 404/40403 when unknown. */
  public String schemaById(int id) {
    return store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id + ""));
  }

  /** The live subject versions holding that id; 404/40403 when the id is unknown. */
  public List<SchemaVersion> versionsWithId(int id) {
    schemaById(id);
    return live(store.versionsWithId(id));
  }

  /** The subjects with a live version, or every subject ever seen when {@code deleted}. */
  public List<String> subjects(boolean deleted) {
    return store.subjects().stream()
        .filter(s -> deleted || !live(store.versions(s)).isEmpty())
        .toList();
  }

  /** The version numbers of {@code subject}; 404/40401 when it has none. */
  public List<Integer> versions(String subject, boolean deleted) {
    List<SchemaVersion> versions = store.versions(subject);
    List<Integer> numbers =
        versions.stream().filter(v -> deleted || !v.deleted()).map(SchemaVersion::version).toList();
    if (numbers.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return numbers;
  }

  /**
   * One version of {@code subject}: a number or {@code latest} (or -1).
   *
   * @throws RegistryException 404/40401 no subject, 404/40402 no version, 422/42202 bad version
   */
  public SchemaVersion version(String subject, String versionSpec, boolean deleted) {
    List<SchemaVersion> versions =
        store.versions(subject).stream().filter(v -> deleted || !v.deleted()).toList();
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (isLatest(versionSpec)) {
      return versions.get(versions.size() - 1);
    }
    int number = parseVersion(versionSpec);
    return versions.stream()
        .filter(v -> v.version() == number)
        .findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(subject, versionSpec));
  }

  /** Soft-deletes every live version of {@code subject}; returns their numbers (404/40401). */
  public synchronized List<Integer> deleteSubject(String subject) {
    List<SchemaVersion> live = live(store.versions(subject));
    if (live.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    List<Integer> deleted = new ArrayList<>();
    for (SchemaVersion v : live) {
      store.put(v.asDeleted());
      deleted.add(v.version());
    }
    return deleted;
  }

  /** The global level, {@link Compatibility#DEFAULT} until one is set. */
  public Compatibility globalCompatibility() {
    return store.compatibility(null).orElse(Compatibility.DEFAULT);
  }

  /** The level set on {@code subject} itself, if any. */
  public Optional<Compatibility> subjectCompatibility(String subject) {
    return store.compatibility(Objects.requireNonNull(subject, "subject"));
  }

  /** The level that applies to {@code subject}: its own, else the global one. */
  public Compatibility effectiveCompatibility(String subject) {
    return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
  }

  /** Sets the level of {@code subject}, or the global one when it is null. */
  public synchronized void setCompatibility(String subject, Compatibility level) {
    store.putCompatibility(subject, Objects.requireNonNull(level, "level"));
  }

  /** Removes the level set on {@code subject}; returns it (404/40408 when none was set). */
  public synchronized Compatibility removeCompatibility(String subject) {
    Compatibility previous =
        subjectCompatibility(subject).orElseThrow(() -> noSubjectCompatibility(subject));
    store.removeCompatibility(subject);
    return previous;
  }

  /**
   * Checks {@code schemaText} against one version of {@code subject}, or against what registering
   * would check when {@code versionSpec} is null; a subject without versions accepts anything.
   *
   * @return the incompatibilities; empty when compatible
   */
  public List<String> testCompatibility(String subject, String versionSpec, String schemaText) {
    Schema candidate = parse(schemaText);
    List<SchemaVersion> live = live(store.versions(subject));
    Compatibility level = effectiveCompatibility(subject);
    if (versionSpec == null || (isLatest(versionSpec) && live.isEmpty())) {
      return level.check(candidate, parsed(live));
    }
    SchemaVersion against = version(subject, versionSpec, false);
    return level.check(candidate, parsed(List.of(against)));
  }

  static RegistryException noSubjectCompatibility(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("Invalid schema: the request has no schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema " + schemaText + ": " + e.getMessage());
    }
  }

  private List<Compatibility.Versioned> parsed(List<SchemaVersion> versions) {
    return versions.stream()
        .map(
            v ->
                new Compatibility.Versioned(
                    v.version(),
                    parsedById.computeIfAbsent(
                        v.id(), id -> new Schema.Parser().parse(v.schema()))))
        .toList();
  }

  private static List<SchemaVersion> live(List<SchemaVersion> versions) {
    return versions.stream().filter(v -> !v.deleted()).toList();
  }

  private static boolean isLatest(String versionSpec) {
    return "latest".equalsIgnoreCase(versionSpec) || "-1".equals(versionSpec);
  }

  private static int parseVersion(String versionSpec) {
    try {
      int number = Integer.parseInt(versionSpec);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw RegistryException.invalidVersion(versionSpec);
  }
}
