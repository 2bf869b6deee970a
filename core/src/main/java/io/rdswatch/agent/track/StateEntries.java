package io.rdswatch.agent.track;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.Lifecycle;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyed maps of {@link InstanceState} as JSON arrays of entries (record keys are not JSON
 * object keys), in a sorted order so that two saves of the same state are byte-identical.
 */
final class StateEntries {

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private StateEntries() {}

  static void writeFinished(ArrayNode out, Map<FinishedKey, Long> finished) {
    finished.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(FinishedKey::database, NULLS_FIRST)
                    .thenComparing(FinishedKey::taskType)
                    .thenComparing(FinishedKey::lifecycle)))
        .forEach(
            e ->
                out.addObject()
                    .put("database", e.getKey().database())
                    .put("taskType", e.getKey().taskType().name())
                    .put("lifecycle", e.getKey().lifecycle().name())
                    .put("count", e.getValue()));
  }

  static Map<FinishedKey, Long> readFinished(List<Fields> items) throws StateFormatException {
    Map<FinishedKey, Long> out = new HashMap<>();
    for (Fields f : items) {
      Lifecycle lifecycle = f.named(Lifecycle.class, "lifecycle");
      if (!lifecycle.isTerminal()) {
        throw new StateFormatException(
            "field '" + f.path("lifecycle") + "' must be a terminal lifecycle");
      }
      out.put(
          new FinishedKey(f.textOrNull("database"), f.taskType("taskType"), lifecycle),
          f.count("count"));
    }
    return out;
  }

  static void writeFailures(ArrayNode out, Map<FailureKey, Long> failures) {
    failures.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(FailureKey::database, NULLS_FIRST)
                    .thenComparing(FailureKey::taskType)
                    .thenComparing(FailureKey::reason)))
        .forEach(
            e ->
                out.addObject()
                    .put("database", e.getKey().database())
                    .put("taskType", e.getKey().taskType().name())
                    .put("reason", e.getKey().reason().label())
                    .put("count", e.getValue()));
  }

  static Map<FailureKey, Long> readFailures(List<Fields> items) throws StateFormatException {
    Map<FailureKey, Long> out = new HashMap<>();
    for (Fields f : items) {
      FailureKey key =
          new FailureKey(
              f.textOrNull("database"),
              f.taskType("taskType"),
              f.named(FailureReason.class, "reason"));
      out.put(key, f.count("count"));
    }
    return out;
  }

  static void writeBackups(ArrayNode out, Map<BackupKey, Instant> backups) {
    backups.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(BackupKey::database).thenComparing(BackupKey::kind)))
        .forEach(
            e ->
                out.addObject()
                    .put("database", e.getKey().database())
                    .put("backupType", e.getKey().kind().label())
                    .put("at", e.getValue().toString()));
  }

  static Map<BackupKey, Instant> readBackups(List<Fields> items) throws StateFormatException {
    Map<BackupKey, Instant> out = new HashMap<>();
    for (Fields f : items) {
      out.put(
          new BackupKey(f.text("database"), f.named(BackupKind.class, "backupType")),
          f.instant("at"));
    }
    return out;
  }

  static void writeRestores(ArrayNode out, Map<String, Instant> restores) {
    restores.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> out.addObject().put("database", e.getKey()).put("at", e.getValue().toString()));
  }

  static Map<String, Instant> readRestores(List<Fields> items) throws StateFormatException {
    Map<String, Instant> out = new HashMap<>();
    for (Fields f : items) {
      out.put(f.text("database"), f.instant("at"));
    }
    return out;
  }

  static void writeActive(ArrayNode out, Map<Long, ProgressMark> active) {
    active.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ProgressMark m = e.getValue();
              ObjectNode node =
                  out.addObject()
                      .put("taskId", e.getKey())
                      .put("percent", m.percent())
                      .put("started", m.started())
                      .put("unchangedSince", m.unchangedSince().toString());
              node.put("startedAt", m.startedAt() == null ? null : m.startedAt().toString());
            });
  }

  static Map<Long, ProgressMark> readActive(List<Fields> items) throws StateFormatException {
    Map<Long, ProgressMark> out = new HashMap<>();
    for (Fields f : items) {
      ProgressMark mark =
          new ProgressMark(
              f.integer("percent"),
              f.bool("started"),
              f.instant("unchangedSince"),
              f.instantOrNull("startedAt"));
      out.put(f.integerLong("taskId"), mark);
    }
    return out;
  }
}
