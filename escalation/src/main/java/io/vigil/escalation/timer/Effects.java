package io.vigil.escalation.timer;

import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.SlaEvent;

/**
 * What the escalation rules may do, all inside one exactly-once transaction: keep incident state,
 * set and cancel durable timers, publish events, and take round-robin turns.
 */
public interface Effects {

  IncidentState state(String incidentId);

  void save(IncidentState state);

  void forget(String incidentId);

  void schedule(DueTimer timer);

  void cancel(DueTimer timer);

  void escalation(EscalationEvent event);

  void sla(SlaEvent event);

  /** The next round-robin turn of a policy's level (0, 1, 2, ...). */
  long nextTurn(String policyId, int level);
}
