package io.vigil.classifier.desk;

import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The directory of which service each incident belongs to, read back from the classifier's own
 * {@code vigil.incidents.v1} into a global store, so a command keyed by incident id reaches the
 * task that owns the incident's service.
 */
public final class IncidentDirectory implements Processor<String, IncidentEvent, Void, Void> {

  public static final String STORE = "incident-directory";

  private KeyValueStore<String, String> directory;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.directory = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, IncidentEvent> record) {
    IncidentEvent event = record.value();
    if (event != null && event.getEvent() instanceof IncidentOpened) {
      directory.put(event.getIncidentId(), event.getServiceId());
    }
  }
}
