package io.vigil.registry;

/**
 * A request the registry refuses, carrying the HTTP status and the Confluent error code a client
 * branches on (e.g. 404/40401 subject not found, 409/409 incompatible, 422/42201 invalid schema).
 */
public final class RegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public RegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** Confluent's {@code error_code}. */
  public int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, String version) {
    return new RegistryException(
        404, 40402, "Version " + version + " not found under subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, 40403, "Schema " + what + " not found");
  }

  static RegistryException invalidSchema(String message) {
    return new RegistryException(422, 42201, message);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
            + " string \"latest\"");
  }

  static RegistryException store(String message, Throwable cause) {
    return new RegistryException(500, 50001, message, cause);
  }
}
