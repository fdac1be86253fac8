package io.vigil.ticketstore.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing filters: defaults, accepted spellings, and the reasons given for bad values. */
class TicketQueryTest {

  @Test
  void absentParametersMeanEverythingFiftyAtATime() {
    assertThat(TicketQuery.parse(null, " ", null))
        .isEqualTo(new TicketQuery(Optional.empty(), Optional.empty(), 50));
  }

  @Test
  void statusIsCaseInsensitiveAndServiceIsTrimmed() {
    assertThat(TicketQuery.parse("acknowledged", " payments ", "500"))
        .isEqualTo(
            new TicketQuery(Optional.of(TicketStatus.ACKNOWLEDGED), Optional.of("payments"), 500));
  }

  @Test
  void badValuesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> TicketQuery.parse("open", null, null))
        .hasMessage("status must be one of TRIGGERED, ACKNOWLEDGED, RESOLVED, got 'open'");
    assertThatThrownBy(() -> TicketQuery.parse(null, null, "501"))
        .hasMessage("limit must be between 1 and 500, got 501");
    assertThatThrownBy(() -> TicketQuery.parse(null, null, "0"))
        .hasMessage("limit must be between 1 and 500, got 0");
    assertThatThrownBy(() -> TicketQuery.parse(null, null, "ten"))
        .hasMessage("limit must be a whole number between 1 and 500, got 'ten'");
  }
}
