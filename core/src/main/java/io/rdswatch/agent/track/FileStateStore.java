package io.rdswatch.agent.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per instance in stateDir, {@code <instance>.json}. A save writes a temp file in the
 * same directory, fsyncs it, renames it over the old file atomically and fsyncs the directory, so a
 * kill -9 or power loss leaves the old or the new state, never a torn one. A file that cannot be
 * read is moved aside as {@code <name>.corrupt-<time>} for inspection and the tracker rebuilds.
 */
public final class FileStateStore implements StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final Path stateDir;
  private final Clock clock;

  public FileStateStore(Path stateDir) {
    this(stateDir, Clock.systemUTC());
  }

  public FileStateStore(Path stateDir, Clock clock) {
    if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
      throw new IllegalArgumentException("stateDir " + stateDir + " exists but is not a directory");
    }
    this.stateDir = stateDir;
    this.clock = clock;
  }

  /** The state file of an instance; names that are not file-safe get a hash to stay distinct. */
  public Path fileFor(String instance) {
    if (SAFE.matcher(instance).matches()) {
      return stateDir.resolve(instance + ".json");
    }
    String cleaned = instance.replaceAll("[^A-Za-z0-9._-]", "_");
    cleaned = cleaned.substring(0, Math.min(cleaned.length(), 60));
    return stateDir.resolve(cleaned + "-" + shortHash(instance) + ".json");
  }

  @Override
  public Optional<InstanceState> load(String instance) {
    Path file = fileFor(instance);
    deleteTempFiles(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      LOG.warn(
          "No state file {} for instance {} (first start, or the file was lost): starting fresh."
              + " Tasks that already finished are not counted; last-success times are rebuilt from"
              + " rds_task_status history.",
          file,
          instance);
      return Optional.empty();
    } catch (IOException e) {
      return rebuild(instance, file, "it cannot be read: " + e);
    }
    try {
      return Optional.of(StateJson.decode(instance, bytes));
    } catch (StateFormatException e) {
      return rebuild(instance, file, e.getMessage());
    }
  }

  private Optional<InstanceState> rebuild(String instance, Path file, String problem) {
    Path aside =
        file.resolveSibling(
            file.getFileName()
                + ".corrupt-"
                + STAMP.format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
    String kept;
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      kept = "moved it to " + aside;
    } catch (IOException moveFailed) {
      kept = "could not move it aside (" + moveFailed + "); it will be overwritten";
    }
    LOG.warn(
        "State file {} for instance {} is unusable ({}); {}. Starting fresh: counters restart at 0,"
            + " tasks that already finished are not counted again, last-success times are rebuilt"
            + " from rds_task_status history.",
        file,
        instance,
        problem,
        kept);
    return Optional.empty();
  }

  @Override
  public void save(String instance, InstanceState state) {
    Path file = fileFor(instance);
    byte[] bytes = StateJson.encode(instance, state, clock.instant());
    Path temp = null;
    try {
      Files.createDirectories(stateDir);
      temp = Files.createTempFile(stateDir, "." + file.getFileName() + ".", ".tmp");
      try (FileChannel out =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save state of " + instance + " to " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover temp file is harmless: load() deletes it
        }
      }
    }
  }

  /** Makes the rename itself durable; not every file system allows opening a directory. */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(stateDir, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot fsync directory {}: {}", stateDir, e.toString());
    }
  }

  /** Temp files are only left by a crash mid-save; they never hold the current state. */
  private void deleteTempFiles(Path file) {
    if (!Files.isDirectory(stateDir)) {
      return;
    }
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(stateDir, "." + file.getFileName() + ".*.tmp")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      LOG.debug("cannot clean temp files of {}: {}", file, e.toString());
    }
  }

  private static String shortHash(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
