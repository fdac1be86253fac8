package io.vigil.classifier.desk;

import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentCommand;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends a human command (keyed by incident id) on to the desk of the incident's service, found in
 * the incident directory; a command for an incident the classifier never opened, or a merge across
 * services, is rejected here with the reason.
 */
public final class CommandRouter
    implements Processor<String, IncidentCommand, String, SpecificRecord> {

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, String> directory;

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.directory = context.getStateStore(IncidentDirectory.STORE);
  }

  @Override
  public void process(Record<String, IncidentCommand> record) {
    IncidentCommand c = record.value();
    if (c == null) {
      return;
    }
    String service = directory.get(c.getIncidentId());
    if (service == null) {
      reject(record, "unknown", "incident " + c.getIncidentId() + " does not exist");
      return;
    }
    if (c.getAction() == CommandAction.MERGE && c.getTargetIncidentId() != null) {
      String target = directory.get(c.getTargetIncidentId());
      if (target == null) {
        reject(record, service, "incident " + c.getTargetIncidentId() + " does not exist");
        return;
      }
      if (!target.equals(service)) {
        reject(
            record,
            service,
            "cannot merge across services: incident "
                + c.getTargetIncidentId()
                + " belongs to "
                + target
                + ", this one to "
                + service);
        return;
      }
    }
    context.forward(record.withKey(service).withValue(c));
  }

  private void reject(Record<String, IncidentCommand> record, String service, String reason) {
    var event = CommandRules.reject(record.value(), service, reason);
    context.forward(record.withKey(event.getIncidentId()).withValue(event));
  }
}
