package io.vigil.notifier.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.notifier.notify.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: a name that resolves to an allowed address when checked and to an internal one a
 * moment later. The request must go to the address that was checked — the name is looked up once —
 * while the Host header, TLS server name and certificate check keep using the name.
 */
class PinnedHttpTest {

  private static final InetAddress CHECKED = address("127.0.0.2");
  private static final InetAddress INTERNAL = address("127.0.0.1");

  private final Queue<String> hosts = new ConcurrentLinkedQueue<>();
  private final Queue<String> serverNames = new ConcurrentLinkedQueue<>();
  private final AtomicInteger internalHits = new AtomicInteger();
  private final AtomicInteger lookups = new AtomicInteger();
  private HttpServer receiver;
  private HttpServer internal;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
    if (internal != null) {
      internal.stop(0);
    }
  }

  /** First answer: the allowed address; every later one: the internal address. */
  private SsrfGuard.Resolver rebinding() {
    return host -> {
      if (!host.endsWith(".rebind.test")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {lookups.getAndIncrement() == 0 ? CHECKED : INTERNAL};
    };
  }

  /** The receiver on the checked address and an internal service on the same port of loopback. */
  private int start(HttpServer onChecked) throws IOException {
    receiver = onChecked;
    receiver.createContext(
        "/",
        exchange -> {
          hosts.add(exchange.getRequestHeaders().getFirst("Host"));
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    int port = receiver.getAddress().getPort();
    try {
      internal = HttpServer.create(new InetSocketAddress(INTERNAL, port), 0);
    } catch (BindException e) {
      throw new IllegalStateException("port " + port + " is taken on 127.0.0.1; run again", e);
    }
    internal.createContext(
        "/",
        exchange -> {
          internalHits.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    internal.start();
    return port;
  }

  @Test
  void theRequestGoesToTheCheckedAddressWithTheNameInTheHostHeader() throws Exception {
    int port = start(HttpServer.create(new InetSocketAddress(CHECKED, 0), 0));
    HttpDelivery http =
        new HttpDelivery(
            new PinnedHttp(SSLContext.getDefault()),
            new SsrfGuard(List.of("127.0.0.2"), rebinding()));
    String url = "http://hooks.rebind.test:" + port + "/alice?x=1";

    SendResult first = http.post(url, Map.of("X-Test", "1"), "{}", Duration.ofSeconds(5));

    assertThat(first).isEqualTo(SendResult.delivered("HTTP 204"));
    assertThat(hosts).containsExactly("hooks.rebind.test:" + port);
    assertThat(lookups).as("the name is looked up once, by the guard").hasValue(1);
    assertThat(internalHits).hasValue(0);

    // The name now points inside: the next request is refused, not sent there.
    SendResult second = http.post(url, Map.of(), "{}", Duration.ofSeconds(5));

    assertThat(second.status()).isEqualTo(SendResult.Status.PERMANENT);
    assertThat(second.detail()).contains("resolves to 127.0.0.1, a loopback address");
    assertThat(internalHits).hasValue(0);
  }

  @Test
  void overTlsTheServerNameAndCertificateCheckUseTheName(@TempDir Path dir) throws Exception {
    KeyStore keys = certificateFor("hooks.rebind.test", dir);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(CHECKED, 0), 0);
    https.setHttpsConfigurator(new RecordingSni(serverContext(keys)));
    int port = start(https);
    HttpDelivery http =
        new HttpDelivery(
            new PinnedHttp(clientTrusting(keys)),
            new SsrfGuard(List.of("127.0.0.2"), host -> new InetAddress[] {CHECKED}));

    SendResult delivered =
        http.post(
            "https://hooks.rebind.test:" + port + "/alice", Map.of(), "{}", Duration.ofSeconds(5));

    assertThat(delivered).isEqualTo(SendResult.delivered("HTTP 204"));
    assertThat(serverNames).containsExactly("hooks.rebind.test");
    assertThat(hosts).containsExactly("hooks.rebind.test:" + port);

    // Same address, another name: the certificate does not name it, so nothing is sent.
    SendResult refused =
        http.post(
            "https://other.rebind.test:" + port + "/alice", Map.of(), "{}", Duration.ofSeconds(5));

    assertThat(refused.status()).isEqualTo(SendResult.Status.RETRYABLE);
    assertThat(refused.detail()).startsWith("cannot reach https://other.rebind.test:");
    assertThat(hosts).hasSize(1);
  }

  /** Records the server name (SNI) each TLS client asked for. */
  private final class RecordingSni extends HttpsConfigurator {
    RecordingSni(SSLContext context) {
      super(context);
    }

    @Override
    public void configure(HttpsParameters params) {
      SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
      parameters.setSNIMatchers(
          List.of(
              new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName name) {
                  serverNames.add(((SNIHostName) name).getAsciiName());
                  return true;
                }
              }));
      params.setSSLParameters(parameters);
    }
  }

  /** A self-signed certificate for {@code host} only, made with the JDK's keytool. */
  private static KeyStore certificateFor(String host, Path dir) throws Exception {
    Path store = dir.resolve("hook.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "hook",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + host,
                "-ext",
                "SAN=dns:" + host,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  private static SSLContext serverContext(KeyStore keys) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientTrusting(KeyStore keys) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("hook", keys.getCertificate("hook"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
