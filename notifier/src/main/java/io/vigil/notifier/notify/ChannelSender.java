package io.vigil.notifier.notify;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.page.Attempt;
import java.util.Set;

/**
 * Makes one try of one attempt over one kind of channel and says whether it is worth retrying; it
 * never throws for a failed send and never retries itself (the delivery engine does).
 */
public interface ChannelSender {

  /** The contact method types this sender delivers. */
  Set<ContactMethod.ContactType> types();

  /**
   * The destination {@code attempt} goes to (e.g. a host, the SMTP server, the SMS provider): tries
   * to one destination share its concurrency limit, so a dead one delays nobody else.
   */
  String destination(Attempt attempt);

  /** Sends {@code attempt} once. */
  SendResult send(Attempt attempt);
}
