package io.vigil.ticketstore.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may be shown of a key or a webhook URL. */
class MaskingTest {

  @Test
  void aKeyShowsOnlyItsLastFourCharacters() {
    assertThat(Masking.key("0123456789abcdef0123456789abcdef"))
        .isEqualTo("****************************cdef");
    assertThat(Masking.key("12345678")).isEqualTo("********");
    assertThat(Masking.key(null)).isNull();
  }

  @Test
  void aUrlShowsOnlyItsSchemeAndHost() {
    assertThat(Masking.url("https://hooks.slack.com/services/T000/B000/XXXXXXXX"))
        .isEqualTo("https://hooks.slack.com/…");
    assertThat(Masking.url("http://127.0.0.1:9999/alice")).isEqualTo("http://127.0.0.1:9999/…");
    assertThat(Masking.url("https://example.com?token=abc")).isEqualTo("https://example.com/…");
    assertThat(Masking.url("https://example.com/")).isEqualTo("https://example.com");
    assertThat(Masking.url("not a url")).isEqualTo("…");
  }
}
