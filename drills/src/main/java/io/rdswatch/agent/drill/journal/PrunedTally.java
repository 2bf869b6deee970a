package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.exporter.model.DurationHistogram;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the journals deleted by retention had counted: finished drills per result and restore times
 * per instance. The drill counters are summed from the journals on disk, so without this they would
 * fall when old journals go, and Prometheus would read a counter reset.
 */
public record PrunedTally(
    @JsonProperty("runs") EnumMap<DrillStatus, Long> runs,
    @JsonProperty("rto") TreeMap<String, DurationHistogram> rto) {

  static final String FILE = "pruned.tally";

  public static PrunedTally empty() {
    return new PrunedTally(new EnumMap<>(DrillStatus.class), new TreeMap<>());
  }

  /** This tally plus the given finished drills. */
  PrunedTally plus(Collection<DrillRecord> deleted) {
    EnumMap<DrillStatus, Long> r = new EnumMap<>(DrillStatus.class);
    r.putAll(runs);
    TreeMap<String, DurationHistogram> t = new TreeMap<>(rto);
    for (DrillRecord d : deleted) {
      r.merge(d.status(), 1L, Long::sum);
      if (d.rtoSeconds() != null) {
        t.merge(
            d.plan().sourceInstance(),
            DurationHistogram.empty().observe(d.rtoSeconds()),
            PrunedTally::add);
      }
    }
    return new PrunedTally(r, t);
  }

  public static DurationHistogram add(DurationHistogram a, DurationHistogram b) {
    long[] x = a.bucketCounts();
    long[] y = b.bucketCounts();
    for (int i = 0; i < x.length; i++) {
      x[i] += y[i];
    }
    return new DurationHistogram(x, a.sum() + b.sum(), a.count() + b.count());
  }

  static PrunedTally read(Path dir) {
    try {
      return DrillJson.MAPPER.readValue(Files.readAllBytes(dir.resolve(FILE)), PrunedTally.class);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  void write(DrillJournal journal) throws IOException {
    Path dir = journal.dir();
    Path tmp = dir.resolve(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    Files.write(
        Files.createFile(tmp, journal.privateFile()), DrillJson.MAPPER.writeValueAsBytes(this));
    try {
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public Map<DrillStatus, Long> runsView() {
    return runs;
  }
}
