package io.vigil.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  private static final String SECRET = "s3cret-s3cret-s3cret";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final byte[] BODY = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);

  private final Signatures signatures = new Signatures(Clock.fixed(NOW, ZoneOffset.UTC));

  private static String sign(String timestamp, byte[] body) {
    return HexFormat.of().formatHex(Signatures.sign(SECRET, timestamp, body));
  }

  private static String ts(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  @Test
  void aFreshCorrectSignatureIsValidWithOrWithoutThePrefix() {
    String t = ts(NOW.minusSeconds(30));

    assertThat(signatures.problem(SECRET, sign(t, BODY), t, BODY)).isEmpty();
    assertThat(signatures.problem(SECRET, "sha256=" + sign(t, BODY), t, BODY)).isEmpty();
  }

  @Test
  void theSignatureCoversTimestampColonBodyAsGrafanaComputesIt() {
    // printf '1:x' | openssl dgst -sha256 -hmac key
    assertThat(HexFormat.of().formatHex(Signatures.sign("key", "1", "x".getBytes())))
        .isEqualTo("5ae67876c80dad56e8f8441d37ebc3e5818d5ffba948224b0c8940715a006b04");
  }

  @Test
  void aMissingSignatureOrTimestampIsRefused() {
    assertThat(signatures.problem(SECRET, null, ts(NOW), BODY))
        .hasValueSatisfying(
            m -> assertThat(m).startsWith("this integration requires a signed request"));
    assertThat(signatures.problem(SECRET, sign(ts(NOW), BODY), null, BODY))
        .hasValueSatisfying(m -> assertThat(m).startsWith("a signed request needs its timestamp"));
    assertThat(signatures.problem(SECRET, sign(ts(NOW), BODY), "yesterday", BODY))
        .hasValue("the signature timestamp must be Unix seconds, e.g. 1767225600");
  }

  @Test
  void aChangedBodyOrWrongSecretIsRefused() {
    String t = ts(NOW);
    byte[] other = "{\"alerts\":[1]}".getBytes(StandardCharsets.UTF_8);

    assertThat(signatures.problem(SECRET, sign(t, BODY), t, other))
        .hasValueSatisfying(m -> assertThat(m).startsWith("the signature does not match the body"));
    assertThat(signatures.problem("another-secret-123", sign(t, BODY), t, BODY)).isPresent();
    assertThat(signatures.problem(SECRET, "not-hex", t, BODY))
        .hasValue("the signature must be hex-encoded HMAC-SHA256");
  }

  @Test
  void aSignatureOlderThanFiveMinutesIsARefusedReplay() {
    String old = ts(NOW.minusSeconds(301));
    String future = ts(NOW.plusSeconds(301));

    assertThat(signatures.problem(SECRET, sign(old, BODY), old, BODY))
        .hasValue(
            "the signature timestamp is 301 s away from this server's clock (limit 300 s); sign"
                + " each request when sending it and keep clocks in sync");
    assertThat(signatures.problem(SECRET, sign(future, BODY), future, BODY)).isPresent();
    String edge = ts(NOW.minusSeconds(300));
    assertThat(signatures.problem(SECRET, sign(edge, BODY), edge, BODY)).isEmpty();
  }
}
