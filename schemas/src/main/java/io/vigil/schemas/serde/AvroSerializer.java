package io.vigil.schemas.serde;

import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format: magic byte 0, the schema's 4-byte
 * big-endian registry id, then Avro binary; the subject is {@code <topic>-value} or {@code
 * <topic>-key}.
 *
 * @param <T> the generated record type
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  static {
    TrustedSchemas.ensure();
  }

  static final byte MAGIC_BYTE = 0;

  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;
  private boolean autoRegister = true;
  private boolean isKey;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
    this.registry = registry;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (registry == null) {
      this.registry = AvroSerdeConfig.clientFrom(configs);
    }
    this.autoRegister = AvroSerdeConfig.autoRegister(configs);
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new SerializationException("AvroSerializer used before it was configured");
    }
    Schema schema = record.getSchema();
    String subject = topic + (isKey ? "-key" : "-value");
    int id;
    try {
      id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }
}
