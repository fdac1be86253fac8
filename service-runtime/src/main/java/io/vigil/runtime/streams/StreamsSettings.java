package io.vigil.runtime.streams;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The Kafka Streams settings operators tune per environment ({@code vigil.streams.*}); everything
 * else is fixed by the runtime (exactly-once, dead-lettering).
 */
@ConfigurationProperties("vigil.streams")
public class StreamsSettings {

  private String stateDir = ".vigil/state";
  private int replicationFactor = 1;
  private long commitIntervalMs = 20;
  private long pollMs = 10;
  private int fetchMaxWaitMs = 10;
  private int standbyReplicas = 0;
  private int sessionTimeoutMs = 10_000;
  private String instanceId = "";

  /**
   * How long the broker holds a fetch that finds nothing new. A fetch answers as soon as records
   * arrive, so this is not added to a hop's latency on its own; it is how often an idle consumer
   * asks again, which costs broker CPU.
   */
  public int getFetchMaxWaitMs() {
    return fetchMaxWaitMs;
  }

  public void setFetchMaxWaitMs(int fetchMaxWaitMs) {
    this.fetchMaxWaitMs = fetchMaxWaitMs;
  }

  public String getStateDir() {
    return stateDir;
  }

  public void setStateDir(String stateDir) {
    this.stateDir = stateDir;
  }

  public int getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(int replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public long getCommitIntervalMs() {
    return commitIntervalMs;
  }

  public void setCommitIntervalMs(long commitIntervalMs) {
    this.commitIntervalMs = commitIntervalMs;
  }

  public long getPollMs() {
    return pollMs;
  }

  public void setPollMs(long pollMs) {
    this.pollMs = pollMs;
  }

  /**
   * How long the group waits for a member that stopped heartbeating (a crashed instance) before
   * giving its tasks to another; Kafka's 45 s default would hold a service's incidents that long.
   */
  public int getSessionTimeoutMs() {
    return sessionTimeoutMs;
  }

  public void setSessionTimeoutMs(int sessionTimeoutMs) {
    this.sessionTimeoutMs = sessionTimeoutMs;
  }

  /**
   * A stable name of this instance (Kafka's static membership, {@code group.instance.id}), or empty
   * for none. With one, an instance that crashed and starts again within the session timeout gets
   * its tasks back at once instead of waiting for its old membership to expire and the group to
   * rebalance. It must be unique among the running instances of a service and survive a restart:
   * the local stack uses the service's name, Kubernetes the StatefulSet pod's name.
   */
  public String getInstanceId() {
    return instanceId;
  }

  public void setInstanceId(String instanceId) {
    this.instanceId = instanceId == null ? "" : instanceId.trim();
  }

  public int getStandbyReplicas() {
    return standbyReplicas;
  }

  public void setStandbyReplicas(int standbyReplicas) {
    this.standbyReplicas = standbyReplicas;
  }
}
