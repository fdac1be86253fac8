package io.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageReceiverTest {

  @Test
  void logsEveryPageWithItsDeliveryId(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("pages.log");
    try (PageReceiver receiver = PageReceiver.start(port, log)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alice"))
                      .header("Vigil-Delivery-Id", "d-1")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Disk full\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(Files.readString(log))
        .contains("POST /alice delivery=d-1 {\"title\":\"Disk full\"}");
  }
}
