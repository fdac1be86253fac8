package io.vigil.notifier.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Vigil-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}, one {@code v1} per configured secret, so a receiver rotating its secret accepts either.
 */
public final class WebhookSignature {

  /** The header name. */
  public static final String HEADER = "Vigil-Signature";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code epochSeconds}, signed with each secret. */
  public static String of(List<String> secrets, long epochSeconds, String body) {
    String signed = epochSeconds + "." + body;
    return "t="
        + epochSeconds
        + secrets.stream().map(s -> ",v1=" + hex(s, signed)).collect(Collectors.joining());
  }

  /** Hex HMAC-SHA256 of {@code text} under {@code secret}, as a receiver computes it. */
  public static String hex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
