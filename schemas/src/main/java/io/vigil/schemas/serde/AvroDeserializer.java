package io.vigil.schemas.serde;

import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into the generated class named by the writer schema (what
 * Confluent calls {@code specific.avro.reader=true}), resolving the writer's schema version against
 * the class's own so older and newer producers are both readable.
 *
 * @param <T> the generated record type
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  static {
    TrustedSchemas.ensure();
  }

  private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroDeserializer() {}

  public AvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      this.registry = AvroSerdeConfig.clientFrom(configs);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new SerializationException("AvroDeserializer used before it was configured");
    }
    if (data.length < 5 || data[0] != AvroSerializer.MAGIC_BYTE) {
      throw new SerializationException(
          "record on "
              + topic
              + " is not in the Confluent wire format: expected magic byte 0 and a 4-byte schema"
              + " id, got "
              + data.length
              + " bytes starting with "
              + (data.length == 0 ? "nothing" : String.valueOf(data[0])));
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    buffer.get();
    int id = buffer.getInt();
    SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, /* reuse= */ null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot read Avro record with schema id " + id + " on " + topic + ": " + e.getMessage(),
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(int id) {
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "schema id " + id + " is unknown to the registry: " + e.getMessage(), e);
    }
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException(
          "no generated class for " + writer.getFullName() + " (schema id " + id + ")");
    }
    Schema reader = SpecificData.get().getSchema(type);
    return new SpecificDatumReader<>(writer, reader);
  }
}
