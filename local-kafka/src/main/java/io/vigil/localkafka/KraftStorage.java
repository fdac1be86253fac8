package io.vigil.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A KRaft log directory is formatted exactly once: the first start writes a fresh cluster id, every
 * later start reuses what {@code meta.properties} already holds, so a restart keeps the data.
 */
final class KraftStorage {

  private KraftStorage() {}

  /**
   * Formats {@code logDir} for {@code config} unless it already is, and returns its cluster id.
   *
   * @throws IllegalStateException when Kafka's formatter refuses the directory
   */
  static String ensureFormatted(KafkaConfig config, Path logDir) {
    Path meta = logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
    if (Files.exists(meta)) {
      return clusterIdIn(meta);
    }
    String clusterId = Uuid.randomUuid().toString();
    try {
      Files.createDirectories(logDir);
      // The same steps as `kafka-storage.sh format -t <id> -c server.properties` in 3.9 (which
      // is a thin wrapper over this Java class), minus the process exit and the console output.
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(config.nodeId())
          .setClusterId(clusterId)
          .setControllerListenerName(config.controllerListenerNames().head())
          .setMetadataLogDirectory(config.metadataLogDir())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format KRaft storage in " + logDir, e);
    }
    return clusterId;
  }

  private static String clusterIdIn(Path meta) {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(meta)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
    String clusterId = properties.getProperty("cluster.id");
    if (clusterId == null || clusterId.isBlank()) {
      throw new IllegalStateException(
          meta + " has no cluster.id; delete the directory to reformat");
    }
    return clusterId;
  }
}
