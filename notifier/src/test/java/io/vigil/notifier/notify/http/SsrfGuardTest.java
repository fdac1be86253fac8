package io.vigil.notifier.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

  /** A resolver with fixed answers, so tests never touch DNS. */
  private static SsrfGuard.Resolver dns(Map<String, String> answers) {
    return host -> {
      String ip = answers.get(host);
      if (ip == null) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(ip)};
    };
  }

  private final SsrfGuard guard =
      new SsrfGuard(
          List.of(),
          dns(
              Map.of(
                  "hooks.example", "93.184.216.34",
                  "metadata.evil", "169.254.169.254",
                  "intranet.evil", "10.1.2.3",
                  "127.0.0.1", "127.0.0.1",
                  "::1", "::1",
                  "ula.evil", "fd00::1",
                  "cgnat.evil", "100.64.0.1")));

  @Test
  void publicAddressesAreAllowed() {
    assertThat(guard.refusal(URI.create("https://hooks.example/alice"))).isEmpty();
  }

  @Test
  void internalAddressesAreRefusedSayingWhatTheyAreAndHowToAllowThem() {
    assertThat(guard.refusal(URI.create("http://metadata.evil/latest/meta-data")))
        .contains(
            "refused http://metadata.evil/latest/meta-data: metadata.evil resolves to"
                + " 169.254.169.254, a link-local (cloud metadata) address; an operator can allow"
                + " it with VIGIL_NOTIFIER_SSRF_ALLOW");
    assertThat(guard.refusal(URI.create("http://intranet.evil/")).orElseThrow())
        .contains("private");
    assertThat(guard.refusal(URI.create("http://127.0.0.1:8081/")).orElseThrow())
        .contains("loopback");
    assertThat(guard.refusal(URI.create("http://[::1]:8081/")).orElseThrow()).contains("loopback");
    assertThat(guard.refusal(URI.create("http://ula.evil/")).orElseThrow())
        .contains("unique local");
    assertThat(guard.refusal(URI.create("http://cgnat.evil/")).orElseThrow())
        .contains("carrier-grade NAT");
  }

  @Test
  void onlyHttpAndHttpsAndKnownHostsAreCalled() {
    assertThat(guard.refusal(URI.create("file:///etc/passwd")).orElseThrow())
        .contains("only http and https");
    assertThat(guard.refusal(URI.create("https://nowhere.example/")))
        .contains("cannot resolve nowhere.example");
  }

  @Test
  void theAllowListOpensHostsAddressesAndNetworks() {
    SsrfGuard allowing =
        new SsrfGuard(
            List.of("loopback", "intranet.evil"),
            dns(
                Map.of(
                    "127.0.0.1",
                    "127.0.0.1",
                    "::1",
                    "::1",
                    "metadata.evil",
                    "169.254.169.254",
                    "intranet.evil",
                    "10.1.2.3")));

    assertThat(allowing.refusal(URI.create("http://127.0.0.1:9999/alice"))).isEmpty();
    assertThat(allowing.refusal(URI.create("http://[::1]:9999/alice"))).isEmpty();
    assertThat(allowing.refusal(URI.create("http://intranet.evil/hook"))).isEmpty();
    assertThat(allowing.refusal(URI.create("http://metadata.evil/"))).isPresent();
  }

  @Test
  void anAllowedUrlComesWithTheAddressesThatWereCheckedForTheRequestToUse() throws Exception {
    SsrfGuard.Verdict verdict = guard.check(URI.create("https://hooks.example/alice"));

    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.host()).isEqualTo("hooks.example");
    assertThat(verdict.addresses()).containsExactly(InetAddress.getByName("93.184.216.34"));
    assertThat(guard.check(URI.create("http://[::1]:8081/")).addresses()).isEmpty();
  }
}
