package io.vigil.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.vigil.ingest.alertmanager.AlertmanagerController;
import io.vigil.ingest.grafana.GrafanaController;
import io.vigil.ingest.heartbeat.HeartbeatController;
import io.vigil.ingest.pagerduty.EnqueueController;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDocumentTest {

  private static final List<Class<?>> CONTROLLERS =
      List.of(
          EnqueueController.class,
          AlertmanagerController.class,
          GrafanaController.class,
          HeartbeatController.class,
          OpenApiController.class);

  @Test
  @SuppressWarnings("unchecked")
  void describesExactlyTheRoutesTheControllersServe() throws Exception {
    Map<String, Object> doc;
    try (InputStream in = OpenApiController.class.getResourceAsStream(OpenApiController.RESOURCE)) {
      doc = new Yaml().load(in);
    }
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    List<String> documented = new ArrayList<>();
    paths.forEach((path, ops) -> ops.keySet().forEach(m -> documented.add(m + " " + path)));

    List<String> served = new ArrayList<>();
    for (Class<?> c : CONTROLLERS) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Post.class)) {
          served.add("post " + m.getAnnotation(Post.class).value());
        }
        if (m.isAnnotationPresent(Get.class)) {
          served.add("get " + m.getAnnotation(Get.class).value());
        }
      }
    }

    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    assertThat(doc.get("openapi")).isEqualTo("3.0.3");
  }
}
