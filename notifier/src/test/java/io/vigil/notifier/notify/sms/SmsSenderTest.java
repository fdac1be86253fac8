package io.vigil.notifier.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.page.Attempt;
import org.junit.jupiter.api.Test;

class SmsSenderTest {

  @Test
  void anSmsCarriesTheHeadlineServiceAndBothLinks() {
    ContactMethod sms =
        new ContactMethod(
            "alice-sms", ContactMethod.ContactType.SMS, null, null, "+6281200000001", null);
    Attempt attempt = new Attempt(Fixtures.page("esc-1", "Disk 95% full on db-1"), "alice", sms, 0);
    var links = Fixtures.LINKS.linksFor("inc-7", "alice");

    assertThat(SmsText.sms(attempt, links))
        .isEqualTo(
            "Vigil [P1] Disk 95% full on db-1 on payments. Ack: "
                + links.acknowledge()
                + " Resolve: "
                + links.resolve());
  }

  @Test
  void aVoiceCallSaysThePageTwiceWithXmlEscaped() {
    ContactMethod voice =
        new ContactMethod(
            "alice-voice", ContactMethod.ContactType.VOICE, null, null, "+6281200000001", null);
    Attempt attempt = new Attempt(Fixtures.page("esc-1", "R&D <db> down"), "alice", voice, 0);

    String say =
        "<Say>Vigil page. Priority P1. R&amp;D &lt;db&gt; down. Service payments. Acknowledge from"
            + " the link in your messages.</Say>";
    assertThat(SmsText.twiml(attempt))
        .isEqualTo("<Response>" + say + "<Pause length=\"1\"/>" + say + "</Response>");
  }

  @Test
  void providerAnswersAreClassified() {
    assertThat(SmsSender.classify("SMS", 201, "{\"sid\":\"SM123\"}"))
        .isEqualTo(SendResult.delivered("provider accepted the SMS SM123"));
    assertThat(
            SmsSender.classify(
                "SMS", 400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}"))
        .isEqualTo(
            SendResult.permanent(
                "SMS provider answered HTTP 400 to the SMS (code 21211): Invalid 'To' Phone Number"));
    assertThat(SmsSender.classify("call", 503, "").status()).isEqualTo(SendResult.Status.RETRYABLE);
    assertThat(SmsSender.classify("call", 429, "").status()).isEqualTo(SendResult.Status.RETRYABLE);
  }
}
