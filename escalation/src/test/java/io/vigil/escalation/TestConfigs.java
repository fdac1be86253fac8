package io.vigil.escalation;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;

/** Configuration documents the escalation tests share. */
final class TestConfigs {

  private TestConfigs() {}

  /**
   * {@code ops}: alice, 5m, bob, 10m, carol; re-paged 30m after an acknowledgement and on a higher
   * priority; support hours Mon–Fri 09:00–17:00 Berlin. {@code rr}: the noc team round robin, then
   * dave. SLA: P1 acknowledge 5m / resolve 1h, P3 30m / 8h.
   */
  static final VigilConfig PATHS =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users: [ { id: alice }, { id: bob }, { id: carol }, { id: dave } ]
          teams: [ { id: noc, name: NOC, members: [alice, bob, carol] } ]
          escalationPolicies:
            - id: ops
              repeat: 0
              acknowledgeTimeout: 30m
              repageOnHigherPriority: true
              levels:
                - { targets: [ { user: alice } ], escalateAfter: 5m }
                - { targets: [ { user: bob } ], escalateAfter: 10m }
                - { targets: [ { user: carol } ] }
            - id: rr
              levels:
                - { targets: [ { team: noc } ], roundRobin: true, escalateAfter: 5m }
                - { targets: [ { user: dave } ] }
          services:
            - id: ops
              escalationPolicy: ops
              supportHours: { timeZone: Europe/Berlin, days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
            - { id: rr, escalationPolicy: rr }
          sla:
            - { priority: P1, acknowledgeWithin: 5m, resolveWithin: 1h }
            - { priority: P3, acknowledgeWithin: 30m, resolveWithin: 8h }
          """,
          "test");
}
