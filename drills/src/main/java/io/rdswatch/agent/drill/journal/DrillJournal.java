package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill journal and history: one JSON file per drill in {@code stateDir/drills/}, replaced
 * atomically and fsynced at every step. Safe for several processes (the agent and the CLI): a drill
 * is owned through an OS lock on its {@code <id>.lock} file, taken before its journal first appears
 * and released by the OS if the process dies, which is how recovery tells a crashed drill from one
 * another process is still running. Each file is sealed ({@link JournalSeal}) so that only journals
 * this stateDir wrote are ever acted on.
 */
public final class DrillJournal {

  private static final Logger LOG = LoggerFactory.getLogger(DrillJournal.class);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final ObjectMapper JSON = DrillJson.MAPPER;

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;
  private final JournalSeal seal;

  public DrillJournal(Path stateDir) {
    this.dir = stateDir.resolve("drills");
    this.seal = new JournalSeal(dir);
  }

  public Path dir() {
    return dir;
  }

  /** A new id: sortable by start time, unique across processes. */
  public static String newId(Instant now) {
    return ID_TIME.format(now) + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  /** Takes the lease of a new drill and writes its first journal entry. */
  public DrillLease begin(DrillRecord record) throws IOException {
    createPrivateDir();
    DrillLease lease =
        DrillLease.tryAcquire(this, record.id())
            .orElseThrow(() -> new IOException("drill id " + record.id() + " is already in use"));
    try {
      lease.save(record);
      return lease;
    } catch (IOException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * The lease of an unfinished drill whose owner is gone, re-read under the lease; empty when it is
   * finished or its owner (in this or another process) still runs it.
   */
  public Optional<DrillLease> claim(String id) throws IOException {
    Optional<DrillLease> lease = DrillLease.tryAcquire(this, id);
    if (lease.isPresent()) {
      Optional<DrillRecord> now = read(id);
      if (now.isEmpty() || now.get().isFinished()) {
        lease.get().close();
        return Optional.empty();
      }
    }
    return lease;
  }

  /** Whether a live owner holds the drill's lease right now. */
  public boolean isLive(String id) throws IOException {
    Optional<DrillLease> probe = DrillLease.tryAcquire(this, id);
    probe.ifPresent(DrillLease::release);
    return probe.isEmpty();
  }

  /**
   * The drill as written, sealed or not: for history, pages and metrics, never for acting on it.
   */
  public Optional<DrillRecord> read(String id) {
    return parts(id).flatMap(p -> parse(id, p));
  }

  /**
   * The drill only if this stateDir sealed its file. Empty for a file edited by hand or copied from
   * another agent: recovery and the drop act on nothing else.
   */
  public Optional<DrillRecord> readSealed(String id) {
    Optional<JournalSeal.Parts> parts = parts(id);
    try {
      if (parts.isEmpty() || !seal.verifies(parts.get())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      LOG.warn("cannot check the seal of drill journal {}: {}", file(id), e.getMessage());
      return Optional.empty();
    }
    return parse(id, parts.get());
  }

  private Optional<JournalSeal.Parts> parts(String id) {
    try {
      return Optional.of(JournalSeal.split(Files.readAllBytes(file(id))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("drill journal {} is unreadable and is ignored: {}", file(id), e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<DrillRecord> parse(String id, JournalSeal.Parts parts) {
    try {
      return Optional.of(JSON.readValue(parts.record(), DrillRecord.class));
    } catch (IOException e) {
      LOG.warn("drill journal {} is unreadable and is ignored: {}", file(id), e.getMessage());
      return Optional.empty();
    }
  }

  /** Every drill on disk, oldest first. */
  public List<DrillRecord> list() {
    List<DrillRecord> out = new ArrayList<>();
    for (String id : ids()) {
      read(id).ifPresent(out::add);
    }
    out.sort(OLDEST_FIRST);
    return out;
  }

  /** By start time, then id: ids alone only resolve to the second. */
  public static final Comparator<DrillRecord> OLDEST_FIRST =
      Comparator.comparing(DrillRecord::startedAt).thenComparing(DrillRecord::id);

  /** The ids on disk, oldest first. */
  public List<String> ids() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a finished drill's journal and lock file; never one whose lease is held. A finished
   * drill's lock file goes when its lease closes, and a finished journal is never written again, so
   * without a lock file there is no owner to wait for: one unlink, instead of creating, locking and
   * removing a lock file per journal (retention deletes thousands at once after an upgrade).
   */
  boolean delete(String id) throws IOException {
    if (Files.notExists(lockFile(id))) {
      return Files.deleteIfExists(file(id));
    }
    Optional<DrillLease> lease = DrillLease.tryAcquire(this, id);
    if (lease.isEmpty()) {
      return false;
    }
    try {
      Files.deleteIfExists(file(id));
    } finally {
      lease.get().release();
    }
    Files.deleteIfExists(lockFile(id));
    return true;
  }

  Path file(String id) {
    return dir.resolve(id + ".json");
  }

  Path lockFile(String id) {
    return dir.resolve(id + ".lock");
  }

  /**
   * 0700 for the folder, 0600 for journals, whatever the umask: systemd's UMask= is not always
   * there.
   */
  private void createPrivateDir() throws IOException {
    if (!Files.isDirectory(dir) && posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
    } else {
      Files.createDirectories(dir);
    }
  }

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * 0600 for a new file in the folder (lock files, the pruned tally), as for journals; nothing
   * elsewhere.
   */
  FileAttribute<?>[] privateFile() {
    return posix()
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
        : new FileAttribute<?>[0];
  }

  /** Seal, write to a temp file, fsync, rename over the old entry, fsync the directory. */
  void write(DrillRecord record) throws IOException {
    byte[] bytes = seal.wrap(JSON.writeValueAsBytes(record));
    Path tmp = dir.resolve(record.id() + ".json.tmp");
    try (FileChannel ch =
        posix()
            ? FileChannel.open(
                tmp,
                Set.of(
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
            : FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(
          tmp,
          file(record.id()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file(record.id()), StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.getMessage());
    }
  }
}
