package io.vigil.ingest.admission;

import java.util.List;

/** What became of one request: every alert in it stored, or none claimed stored and why. */
public sealed interface Outcome {

  /** The format the request came in, for metrics: events-v2, alertmanager, grafana, ... */
  String format();

  /** The service whose integration sent it, or {@code unknown} before the key was recognised. */
  String serviceId();

  /**
   * Every alert of the request is on Kafka.
   *
   * @param dedupKeys the dedup key of each stored alert, in request order
   * @param message the PagerDuty-style success message
   */
  record Accepted(String format, String serviceId, List<String> dedupKeys, String message)
      implements Outcome {

    public Accepted {
      dedupKeys = List.copyOf(dedupKeys);
    }
  }

  /**
   * Nothing of the request was claimed stored.
   *
   * @param alerts how many alerts the request held, when known (else 1), for metrics
   */
  record Refused(String format, String serviceId, Refusal refusal, int alerts) implements Outcome {}

  /** A refusal before the sending service is known. */
  static Outcome refused(String format, Refusal refusal) {
    return new Refused(format, "unknown", refusal, 1);
  }
}
