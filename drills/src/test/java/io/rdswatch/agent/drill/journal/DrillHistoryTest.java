package io.rdswatch.agent.drill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scrape, /drills and /api/drills read the history; with thousands of journals that must not
 * mean a file read (or even a stat) per journal each time. An unchanged drills folder is served
 * from the last listing; a change to it is seen at the next call (bench/README.md measures both at
 * 30,000 journals).
 */
class DrillHistoryTest {

  @TempDir Path state;

  @Test
  void anUnchangedFolderIsServedFromTheLastListingAndANewJournalIsSeenAtOnce() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    for (int day = 1; day <= 100; day++) {
      JournalRetentionTest.finished(journal, "Orders", day, DrillStatus.SUCCESS, false);
    }
    // a folder changed within the last 2 s is listed again (coarse timestamps); this one settled
    // long ago
    Files.setLastModifiedTime(journal.dir(), FileTime.from(Instant.now().minusSeconds(60)));
    DrillHistory history = new DrillHistory(journal);

    List<DrillRecord> first = history.all();
    List<DrillRecord> again = history.all();

    assertThat(first).hasSize(100);
    assertThat(again).as("no journal read again").isSameAs(first);

    JournalRetentionTest.finished(journal, "Orders", 101, DrillStatus.VERIFY_FAILED, false);
    List<DrillRecord> after = history.all();
    assertThat(after)
        .hasSize(101)
        .last()
        .satisfies(r -> assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_FAILED));
  }
}
