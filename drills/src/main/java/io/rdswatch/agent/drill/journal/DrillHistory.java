package io.rdswatch.agent.drill.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

  /** Every drill, oldest first; the list must not be changed. */
  public synchronized List<DrillRecord> all() {
    FileTime folder = folderModified();
    Instant now = Instant.now();
    if (snapshot != null
        && folder != null
        && folder.equals(snapshot.folder())
        && now.isBefore(snapshot.taken().plus(RECHECK))
        && folder.toInstant().plus(SETTLED).isBefore(snapshot.taken())) {
      return snapshot.records();
    }
    List<DrillRecord> out = read();
    snapshot = folder == null ? null : new Snapshot(folder, now, out);
    return out;
  }

  /**
   * Journals are only ever replaced by a rename, which changes the folder's modification time, so
   * an unchanged folder means an unchanged history: a scrape then costs one stat, not one per
   * journal. A change within {@link #SETTLED} of the last listing could share its timestamp on a
   * coarse file system, so such a listing is not reused; {@link #RECHECK} bounds how long an edit
   * made in place (by hand, not by rdswatch) can go unseen.
   */
  private static final Duration SETTLED = Duration.ofSeconds(2);

  private static final Duration RECHECK = Duration.ofSeconds(30);

  private record Snapshot(FileTime folder, Instant taken, List<DrillRecord> records) {}

  private Snapshot snapshot;

  private FileTime folderModified() {
    try {
      return Files.getLastModifiedTime(journal.dir());
    } catch (IOException e) {
      return null;
    }
  }

  private List<DrillRecord> read() {
    List<String> ids = journal.ids();
    // a set, not the list: retainAll on a list is a scan per entry, seconds at tens of thousands of
    // journals
    cache.keySet().retainAll(new HashSet<>(ids));
    List<DrillRecord> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      refresh(id).ifPresent(out::add);
    }
    out.sort(DrillJournal.OLDEST_FIRST);
    return Collections.unmodifiableList(out);
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
