package io.vigil.schemas.registry;

/** A schema registry refused a request or could not be reached; carries its error code. */
public class SchemaRegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCode = 0;
  }

  /** The HTTP status, or 0 when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** Confluent's error code, e.g. 40403 schema not found, 409 incompatible. */
  public int errorCode() {
    return errorCode;
  }
}
