package io.rdswatch.agent.drill.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drill history as the agent serves it: every journal in {@code stateDir/drills/}, including
 * drills another process (the CLI) ran. Re-reads only files whose modification time changed, so a
 * scrape or an API call costs a directory listing. Thread-safe; the records it returns are shared
 * and must not be changed.
 */
public final class DrillHistory {

  private record Cached(FileTime modified, DrillRecord record) {}

  private final DrillJournal journal;
  private final Map<String, Cached> cache = new HashMap<>();

  public DrillHistory(DrillJournal journal) {
    this.journal = journal;
  }

  public DrillJournal journal() {
    return journal;
  }

  /** Every drill, oldest first. */
  public synchronized List<DrillRecord> all() {
    List<String> ids = journal.ids();
    // a set, not the list: retainAll on a list is a scan per entry, seconds at tens of thousands of journals
    cache.keySet().retainAll(new HashSet<>(ids));
    List<DrillRecord> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      refresh(id).ifPresent(out::add);
    }
    out.sort(DrillJournal.OLDEST_FIRST);
    return out;
  }

  /** What the journals deleted by retention had counted. */
  public PrunedTally pruned() {
    return PrunedTally.read(journal.dir());
  }

  public synchronized Optional<DrillRecord> get(String id) {
    if (!id.matches("[0-9A-Za-z_-]{1,64}")) {
      return Optional.empty();
    }
    return refresh(id);
  }

  private Optional<DrillRecord> refresh(String id) {
    Path file = journal.file(id);
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      cache.remove(id);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.ofNullable(cache.get(id)).map(Cached::record);
    }
    Cached hit = cache.get(id);
    if (hit != null && hit.modified().equals(modified) && hit.record().isFinished()) {
      return Optional.of(hit.record());
    }
    Optional<DrillRecord> fresh = journal.read(id);
    fresh.ifPresent(r -> cache.put(id, new Cached(modified, r)));
    return fresh;
  }
}
