package io.vigil.ticketstore.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ticketstore.link.LinkRejected.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verifier against tokens made as the notifier documents them: a valid link, a tampered one, an
 * expired one, one made for another purpose, one signed with an unknown key, and malformed ones.
 */
class LinkVerifierTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  private static final long LATER = NOW.plusSeconds(3600).getEpochSecond();
  private static final LinkVerifier VERIFIER =
      new LinkVerifier(Map.of("local", TestLinks.LOCAL_KEY), Clock.fixed(NOW, ZoneOffset.UTC));

  /** Computed by hand (Python hmac/base64) from the documented algorithm, expiry 2030-01-01. */
  private static final String FIXED =
      "djF8bG9jYWx8aW5jLTF8YWxpY2V8YWNrbm93bGVkZ2V8MTg5MzQ1NjAwMA"
          + ".1BhQl1amMb8Pk1yxMw5FI6BD90fJpjpvzhaTriT5EdI";

  @Test
  void aFixedTokenComputedFromTheDocumentedAlgorithmIsAccepted() {
    assertThat(
            TestLinks.token(
                TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "acknowledge", 1893456000L))
        .isEqualTo(FIXED);

    LinkClaim claim = VERIFIER.verify(FIXED);

    assertThat(claim.keyId()).isEqualTo("local");
    assertThat(claim.incidentId()).isEqualTo("inc-1");
    assertThat(claim.userId()).isEqualTo("alice");
    assertThat(claim.action()).isEqualTo(LinkAction.ACKNOWLEDGE);
    assertThat(claim.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(claim.tokenHash()).hasSize(64).isEqualTo(LinkVerifier.sha256Hex(FIXED));
  }

  @Test
  void aResolveLinkIsAccepted() {
    String token = TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-7", "bob", "resolve", LATER);

    assertThat(VERIFIER.verify(token).action()).isEqualTo(LinkAction.RESOLVE);
  }

  @Test
  void aTamperedLinkIs403() {
    String token =
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "resolve", LATER);
    String otherPayload =
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-2", "alice", "resolve", LATER)
            .split("\\.")[0];
    String swapped = otherPayload + token.substring(token.indexOf('.'));
    char last = token.charAt(token.length() - 2);
    String flipped =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertRejected(swapped, Reason.BAD_SIGNATURE, "this link's signature is not valid");
    assertRejected(flipped, Reason.BAD_SIGNATURE, "this link's signature is not valid");
    assertRejected(
        TestLinks.token(
            "another-key-of-at-least-32-characters!!", "local", "inc-1", "alice", "resolve", LATER),
        Reason.BAD_SIGNATURE,
        "this link's signature is not valid");
  }

  @Test
  void anExpiredLinkIs410AndSaysWhen() {
    long past = NOW.minusSeconds(1).getEpochSecond();
    String expired =
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "acknowledge", past);
    String atNow =
        TestLinks.token(
            TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "acknowledge", NOW.getEpochSecond());

    assertRejected(
        expired,
        Reason.EXPIRED,
        "this link expired at 2026-03-02T10:15:29Z; open the incident in Vigil instead");
    assertRejected(atNow, Reason.EXPIRED, "this link expired at 2026-03-02T10:15:30Z");
  }

  @Test
  void aLinkMadeForAnotherPurposeIs403() {
    assertRejected(
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "delete", LATER),
        Reason.WRONG_PURPOSE,
        "this link was not made to acknowledge or resolve an incident");
    assertRejected(
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "Acknowledge", LATER),
        Reason.WRONG_PURPOSE,
        "not made to acknowledge or resolve");
  }

  @Test
  void aLinkWithAnUnknownKeyIdIs403() {
    assertRejected(
        TestLinks.token(TestLinks.LOCAL_KEY, "retired", "inc-1", "alice", "acknowledge", LATER),
        Reason.UNKNOWN_KEY,
        "signed with a key this Vigil does not know (key id 'retired')");
  }

  @Test
  void malformedLinksAre400() {
    String valid =
        TestLinks.token(TestLinks.LOCAL_KEY, "local", "inc-1", "alice", "acknowledge", LATER);
    for (String token :
        new String[] {
          "",
          "no-dot-at-all",
          valid.substring(0, valid.indexOf('.') + 1),
          valid.substring(valid.indexOf('.')),
          valid.replace('.', '!'),
          valid + "=",
          TestLinks.signed(TestLinks.LOCAL_KEY, "v1|local|inc-1|alice|acknowledge"),
          TestLinks.signed(TestLinks.LOCAL_KEY, "v1|local|inc-1|alice|acknowledge|1|extra"),
          TestLinks.signed(TestLinks.LOCAL_KEY, "v2|local|inc-1|alice|acknowledge|" + LATER),
          TestLinks.signed(TestLinks.LOCAL_KEY, "v1|local||alice|acknowledge|" + LATER),
          TestLinks.signed(TestLinks.LOCAL_KEY, "v1|local|inc-1|alice|acknowledge|soon"),
          "x".repeat(3000) + ".abc"
        }) {
      assertRejected(token, Reason.MALFORMED, "this is not a Vigil action link");
    }
  }

  @Test
  void aShortKeyOrAnInvalidKeyIdStopsStartUp() {
    assertThatThrownBy(() -> LinkSettings.check("local", "short"))
        .hasMessageContaining("VIGIL_LINK_SIGNING_KEY) must have at least 32 characters");
    assertThatThrownBy(() -> LinkSettings.check("a|b", TestLinks.LOCAL_KEY))
        .hasMessageContaining("VIGIL_LINK_KEY_ID) must be 1-32 of");
  }

  @Test
  void acceptedKeysAreReadByKeyIdSoTheSigningKeyCanRotate() {
    String old = "o".repeat(32);
    Map<String, String> keys =
        LinkSettings.keys("k2", TestLinks.LOCAL_KEY, " k1=" + old + " ,k0=" + "z".repeat(40) + "=");

    assertThat(keys)
        .containsExactly(
            Map.entry("k2", TestLinks.LOCAL_KEY),
            Map.entry("k1", old),
            Map.entry("k0", "z".repeat(40) + "="));
    LinkVerifier rotating = new LinkVerifier(keys, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(
            rotating.verify(TestLinks.token(old, "k1", "inc-1", "alice", "resolve", LATER)).keyId())
        .isEqualTo("k1");
    assertThat(
            rotating
                .verify(
                    TestLinks.token(TestLinks.LOCAL_KEY, "k2", "inc-1", "alice", "resolve", LATER))
                .keyId())
        .isEqualTo("k2");
    assertThat(LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "  ")).containsOnlyKeys("k2");
  }

  @Test
  void badAcceptedKeysStopStartUpSayingWhichEntry() {
    String key = "o".repeat(32);
    assertThatThrownBy(() -> LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "k1=" + key + ",oops"))
        .hasMessage(
            "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS) entry 2 must be <key id>=<key>,"
                + " e.g. old-2026-01=<64 hex characters>; entries are separated by commas");
    assertThatThrownBy(() -> LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "k1=short"))
        .hasMessage(
            "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS): the key of 'k1' must have at"
                + " least 32 characters");
    assertThatThrownBy(() -> LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "k|1=" + key))
        .hasMessageStartingWith(
            "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS) entry 1's key id must be 1-32 of");
    assertThatThrownBy(
            () ->
                LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "k1=" + key + ",k1=" + "p".repeat(32)))
        .hasMessage(
            "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS): key id 'k1' is given twice; one"
                + " key id names one key, so give the new key a new id");
    assertThatThrownBy(() -> LinkSettings.keys("k2", TestLinks.LOCAL_KEY, "k2=" + key))
        .hasMessage(
            "vigil.links.accepted-keys (VIGIL_LINK_ACCEPTED_KEYS): key id 'k2' is given a key other"
                + " than vigil.links.signing-key; one key id names one key, so give the new key a"
                + " new id");
  }

  private static void assertRejected(String token, Reason reason, String message) {
    assertThatThrownBy(() -> VERIFIER.verify(token))
        .as(token)
        .isInstanceOfSatisfying(LinkRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}
