package io.vigil.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object from a manifest file, as YAML read it; {@link ManifestReader} has checked
 * it against its kind's model before it is handed out.
 *
 * @param source the file (and document number) it came from, for messages
 * @param node the object as written
 */
record Manifest(String source, JsonNode node) {

  String apiVersion() {
    return node.path("apiVersion").asText();
  }

  String kind() {
    return node.path("kind").asText();
  }

  String name() {
    return node.path("metadata").path("name").asText();
  }

  JsonNode spec() {
    return node.path("spec");
  }

  boolean is(String kind, String name) {
    return kind().equals(kind) && name().equals(name);
  }

  @Override
  public String toString() {
    return kind() + "/" + name() + " (" + source + ")";
  }
}
