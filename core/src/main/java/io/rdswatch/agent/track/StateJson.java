package io.rdswatch.agent.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file's JSON layout (format version {@value InstanceState#FORMAT_VERSION}). Written by
 * hand rather than by data binding so the layout is explicit and a damaged file is reported by the
 * field that is wrong. Decoding validates everything and throws {@link StateFormatException}.
 */
final class StateJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StateJson() {}

  static byte[] encode(String instance, InstanceState s, Instant savedAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", InstanceState.FORMAT_VERSION);
    root.put("instance", instance);
    root.put("savedAt", savedAt.toString());
    root.put("baselineTaken", s.baselineTaken());
    ObjectNode settled = root.putObject("settled");
    settled.put("through", s.settled().through());
    ArrayNode ranges = settled.putArray("ranges");
    s.settled().ranges().forEach(r -> ranges.addArray().add(r.first()).add(r.last()));
    root.put(
        "lastPollSuccess", s.lastPollSuccess() == null ? null : s.lastPollSuccess().toString());
    ObjectNode errors = root.putObject("pollErrors");
    for (PollErrorKind kind : PollErrorKind.values()) {
      if (s.pollErrors().containsKey(kind)) {
        errors.put(kind.label(), s.pollErrors().get(kind));
      }
    }
    StateEntries.writeFinished(root.putArray("finished"), s.finished());
    StateEntries.writeFailures(root.putArray("failures"), s.failures());
    ArrayNode durations = root.putArray("durations");
    s.durations().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ObjectNode h = durations.addObject().put("taskType", e.getKey().name());
              ArrayNode buckets = h.putArray("buckets");
              for (long b : e.getValue().bucketCounts()) {
                buckets.add(b);
              }
              h.put("sum", e.getValue().sum()).put("count", e.getValue().count());
            });
    StateEntries.writeBackups(root.putArray("backupLastSuccess"), s.backupLastSuccess());
    StateEntries.writeRestores(root.putArray("restoreLastSuccess"), s.restoreLastSuccess());
    StateEntries.writeActive(root.putArray("active"), s.active());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode state of " + instance, e);
    }
  }

  static InstanceState decode(String instance, byte[] bytes) throws StateFormatException {
    if (bytes.length == 0) {
      throw new StateFormatException("the file is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new StateFormatException("not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new StateFormatException("not readable (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new StateFormatException("not a JSON object");
    }
    Fields f = new Fields(root, "");
    int version = f.integer("formatVersion");
    if (version != InstanceState.FORMAT_VERSION) {
      throw new StateFormatException(
          "formatVersion " + version + " is not the supported " + InstanceState.FORMAT_VERSION);
    }
    String owner = f.text("instance");
    if (!owner.equals(instance)) {
      throw new StateFormatException("belongs to instance '" + owner + "', not '" + instance + "'");
    }
    Fields settled = f.object("settled");
    List<TaskIdSet.Range> ranges = new ArrayList<>();
    for (Fields r : settled.array("ranges")) {
      ranges.add(r.range());
    }
    Map<PollErrorKind, Long> errors = new EnumMap<>(PollErrorKind.class);
    Fields errorNode = f.object("pollErrors");
    for (PollErrorKind kind : PollErrorKind.values()) {
      if (errorNode.has(kind.label())) {
        errors.put(kind, errorNode.count(kind.label()));
      }
    }
    var finished = StateEntries.readFinished(f.array("finished"));
    var failures = StateEntries.readFailures(f.array("failures"));
    Map<TaskType, DurationHistogram> durations = new HashMap<>();
    for (Fields d : f.array("durations")) {
      long[] buckets = d.longs("buckets");
      if (buckets.length != DurationHistogram.UPPER_BOUNDS.length + 1) {
        throw new StateFormatException(
            "field '"
                + d.path("buckets")
                + "' must have "
                + (DurationHistogram.UPPER_BOUNDS.length + 1)
                + " entries");
      }
      durations.put(
          d.taskType("taskType"),
          new DurationHistogram(buckets, d.number("sum"), d.count("count")));
    }
    return new InstanceState(
        f.bool("baselineTaken"),
        new TaskIdSet(settled.integerLong("through"), ranges),
        f.instantOrNull("lastPollSuccess"),
        errors,
        finished,
        failures,
        durations,
        StateEntries.readBackups(f.array("backupLastSuccess")),
        StateEntries.readRestores(f.array("restoreLastSuccess")),
        StateEntries.readActive(f.array("active")));
  }
}
