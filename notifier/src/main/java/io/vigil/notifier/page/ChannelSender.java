package io.vigil.notifier.page;

/**
 * Delivers one attempt over one kind of contact method, retrying what is worth retrying, and
 * reports the result instead of throwing.
 */
public interface ChannelSender {

  /** Sends {@code attempt} and says how it went. */
  Delivery deliver(Attempt attempt);
}
