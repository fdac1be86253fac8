package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-service options later issues act on: grouping, heartbeats, maintenance, SLAs. */
class ServiceOptionsTest {

  private static final String BASE =
      """
      apiVersion: vigil/v1
      users: [ { id: u } ]
      escalationPolicies: [ { id: p, levels: [ { targets: [ { user: u } ] } ] } ]
      """;

  @Test
  void readsEveryServiceOption() {
    VigilConfig config =
        VigilConfigLoader.parse(
            BASE
                + """
                services:
                  - id: web
                    escalationPolicy: p
                    autoResolve: true
                    integrations:
                      - { type: alertmanager, key: "0123456789abcdef0123456789abcdef",
                          signingSecret: "a-long-enough-secret", rateLimit: { perSecond: 50, burst: 200 } }
                    grouping:
                      by: [alertname]
                      window: 1m
                      grace: 30s
                      threshold: { count: 3, within: 5m }
                      storm: { distinctAlerts: 50, within: 1m }
                      flap: { transitions: 4, within: 30m }
                    heartbeats: [ { id: nightly-backup, interval: 1d } ]
                    maintenance: [ { start: "2026-11-22T01:00:00Z", end: "2026-11-22T03:00:00Z", reason: db upgrade } ]
                    supportHours: { timeZone: Europe/Berlin, days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
                sla:
                  - { priority: P1, acknowledgeWithin: 5m, resolveWithin: 1h }
                """,
            "options.yaml");

    Service web = config.service("web").orElseThrow();
    assertThat(web.autoResolve()).isTrue();
    assertThat(web.integrations().get(0).rateLimit()).isEqualTo(new Service.RateLimit(50, 200));
    assertThat(web.integrations().get(0).signingSecret()).isEqualTo("a-long-enough-secret");
    assertThat(web.grouping().threshold())
        .isEqualTo(new Service.Threshold(3, Duration.ofMinutes(5)));
    assertThat(web.grouping().storm()).isEqualTo(new Service.Storm(50, Duration.ofMinutes(1)));
    assertThat(web.grouping().flap()).isEqualTo(new Service.Flap(4, Duration.ofMinutes(30)));
    assertThat(web.grouping().grace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(web.heartbeats())
        .containsExactly(new Service.Heartbeat("nightly-backup", Duration.ofDays(1)));
    assertThat(web.maintenance().get(0).start())
        .isEqualTo(OffsetDateTime.parse("2026-11-22T01:00:00Z"));
    assertThat(web.supportHours().days()).containsExactly("mon", "tue", "wed", "thu", "fri");
    assertThat(config.slaTarget("P1"))
        .contains(new SlaTarget("P1", Duration.ofMinutes(5), Duration.ofHours(1)));
    assertThat(config.slaTarget("P2")).isEmpty();
  }

  @Test
  void namesEveryBadOption() {
    List<String> problems;
    try {
      VigilConfigLoader.parse(
          BASE
              + """
              services:
                - id: web
                  escalationPolicy: p
                  integrations:
                    - { type: grafana, key: "0123456789abcdef0123456789abcdef", signingSecret: short, rateLimit: { perSecond: 0, burst: 1 } }
                  grouping: { threshold: { count: 0, within: 5m }, flap: { transitions: 1, within: 0s } }
                  heartbeats: [ { id: hb, interval: 0s } ]
                  maintenance: [ { start: "2026-11-22T03:00:00Z", end: "2026-11-22T01:00:00Z" } ]
                  supportHours: { timeZone: Nowhere/City, days: [monday], from: "9am", to: "17:00" }
              sla:
                - { priority: P1 }
                - { priority: P1, acknowledgeWithin: 5m }
              """,
          "bad.yaml");
      throw new AssertionError("expected the document to be refused");
    } catch (ConfigException e) {
      problems = e.problems();
    }
    assertThat(problems)
        .containsExactly(
            "services[0].integrations[0].signingSecret: must be at least 16 characters",
            "services[0].integrations[0].rateLimit: perSecond and burst must both be at least 1",
            "services[0].grouping.threshold.count: must be at least 1",
            "services[0].grouping.flap.transitions: must be at least 2",
            "services[0].grouping.flap.within: required and positive, e.g. 5m",
            "services[0].heartbeats[0].interval: required and positive, e.g. 5m",
            "services[0].maintenance[0]: needs start and end, with end after start",
            "services[0].supportHours.timeZone: 'Nowhere/City' is not a time zone (use e.g. Europe/Berlin or UTC)",
            "services[0].supportHours.days: 'monday' is not one of mon, tue, wed, thu, fri, sat, sun",
            "services[0].supportHours: from and to must be times like 09:00 and 17:30, got '9am'",
            "sla[0]: set acknowledgeWithin, resolveWithin or both",
            "sla[1].priority: P1 has targets twice");
  }
}
