package io.rdswatch.agent.drill.journal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes drill journals past `drills.retention` (age, then count, oldest first), so that every
 * scrape and page stays a bounded read. Never deleted: an unfinished drill, one whose scratch
 * database was created and not dropped (it is what proves rdswatch may drop it, and what reports it
 * as left), and the latest result and latest success of each database and drill, which the
 * last-result and last-success metrics and the overdue alert stand on.
 */
public final class JournalRetention {

  private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

  private final DrillJournal journal;
  private final Duration maxAge;
  private final int maxCount;

  public JournalRetention(DrillJournal journal, Duration maxAge, int maxCount) {
    this.journal = journal;
    this.maxAge = maxAge;
    this.maxCount = maxCount;
  }

  /**
   * @param all every drill, oldest first, as {@link DrillHistory#all()} returns them; returns how
   *     many were deleted
   */
  public int prune(List<DrillRecord> all, Instant now) {
    Set<String> protectedIds = protectedIds(all);
    Instant oldest = now.minus(maxAge);
    List<DrillRecord> deletable = new ArrayList<>();
    for (DrillRecord r : all) {
      if (!protectedIds.contains(r.id())) {
        deletable.add(r);
      }
    }
    int excess = all.size() - maxCount;
    List<DrillRecord> chosen = new ArrayList<>();
    for (DrillRecord r : deletable) {
      boolean tooOld = r.finishedAt() != null && r.finishedAt().isBefore(oldest);
      if (tooOld || excess - chosen.size() > 0) {
        chosen.add(r);
      }
    }
    if (chosen.isEmpty()) {
      return 0;
    }
    // counted first: a crash before the deletes counts these twice, never loses them
    try {
      PrunedTally.read(journal.dir()).plus(chosen).write(journal);
    } catch (IOException | IllegalStateException e) {
      LOG.warn(
          "drill journal retention skipped: cannot update {}: {}",
          PrunedTally.FILE,
          e.getMessage());
      return 0;
    }
    int deleted = 0;
    for (DrillRecord r : chosen) {
      try {
        if (journal.delete(r.id())) {
          deleted++;
        }
      } catch (IOException e) {
        LOG.warn("cannot delete old drill journal {}: {}", r.id(), e.getMessage());
      }
    }
    if (deleted > 0) {
      LOG.info(
          "drill journal retention: deleted {} of {} journals (maxAge {}, maxCount {})",
          deleted,
          all.size(),
          maxAge,
          maxCount);
    }
    return deleted;
  }

  private static Set<String> protectedIds(List<DrillRecord> all) {
    Set<String> keep = new HashSet<>();
    Set<String> seenResult = new HashSet<>();
    Set<String> seenSuccess = new HashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      DrillRecord r = all.get(i);
      if (!r.isFinished() || (r.scratchCreated() && !Boolean.TRUE.equals(r.dropped()))) {
        keep.add(r.id());
        continue;
      }
      String key =
          r.plan().sourceInstance() + "\u0000" + r.plan().database() + "\u0000" + r.plan().drill();
      if (r.status() != DrillStatus.SKIPPED && seenResult.add(key)) {
        keep.add(r.id());
      }
      if (r.status() == DrillStatus.SUCCESS && seenSuccess.add(key)) {
        keep.add(r.id());
      }
    }
    return keep;
  }
}
