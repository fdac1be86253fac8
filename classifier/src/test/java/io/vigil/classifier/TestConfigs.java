package io.vigil.classifier;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;

/** Configuration documents the classifier's tests run against. */
final class TestConfigs {

  private TestConfigs() {}

  /** Two services, payments (tier 1) and checkout (tier 2), and the example rules. */
  static VigilConfig withRules() {
    return VigilConfigLoader.parse(
        """
        apiVersion: vigil/v1
        users:
          - id: alice
            name: Alice
            timeZone: UTC
            contactMethods: [ { id: alice-hook, type: webhook, url: "http://127.0.0.1:9999/a" } ]
            notificationRules:
              high: [ { contactMethod: alice-hook, after: 0s } ]
        escalationPolicies:
          - id: payments
            name: Payments
            repeat: 0
            levels:
              - { targets: [ { user: alice } ] }
        services:
          - id: payments
            name: Payments API
            tier: 1
            escalationPolicy: payments
            integrations: [ { type: events-v2, key: "11111111111111111111111111111111" } ]
          - id: checkout
            name: Checkout
            tier: 2
            escalationPolicy: payments
            integrations: [ { type: events-v2, key: "44444444444444444444444444444444" } ]
        classification:
          - { when: { severity: critical, tier: 1 }, priority: P1, class: critical, urgency: high }
          - { when: { severity: critical }, priority: P2, class: major, urgency: high }
          - { when: { severity: error }, priority: P3, class: major, urgency: high }
          - { when: {}, priority: P4, class: minor, urgency: low }
        """,
        "test");
  }
}
