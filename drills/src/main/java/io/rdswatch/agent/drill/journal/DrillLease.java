package io.rdswatch.agent.drill.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * Ownership of one drill's journal: an exclusive OS lock on {@code <id>.lock}. Only the holder
 * writes the drill's file. The OS drops the lock when the process dies, even on kill -9.
 */
public final class DrillLease implements AutoCloseable {

  private final DrillJournal journal;
  private final String id;
  private final FileChannel channel;
  private final FileLock lock;

  private DrillLease(DrillJournal journal, String id, FileChannel channel, FileLock lock) {
    this.journal = journal;
    this.id = id;
    this.channel = channel;
    this.lock = lock;
  }

  static Optional<DrillLease> tryAcquire(DrillJournal journal, String id) throws IOException {
    Files.createDirectories(journal.dir());
    FileChannel ch =
        FileChannel.open(
            journal.lockFile(id),
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            journal.privateFile());
    try {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new DrillLease(journal, id, ch, lock));
    } catch (OverlappingFileLockException e) {
      // held by another lease in this JVM: just as live as one in another process
      ch.close();
      return Optional.empty();
    }
  }

  public String id() {
    return id;
  }

  /** Journals the record durably; call before every side effect of the next step. */
  public void save(DrillRecord record) throws IOException {
    if (!record.id().equals(id)) {
      throw new IllegalArgumentException("lease " + id + " cannot write drill " + record.id());
    }
    journal.write(record);
  }

  /** Lets go without tidying; what a crash does. */
  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    }
  }

  /** Releases the lease; removes the lock file once the drill is finished. */
  @Override
  public void close() {
    if (journal.read(id).map(DrillRecord::isFinished).orElse(false)) {
      try {
        Files.deleteIfExists(journal.lockFile(id));
      } catch (IOException ignored) {
        // a stale lock file of a finished drill is harmless
      }
    }
    release();
  }
}
