package io.rdswatch.agent.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A password kept in a file (e.g. a systemd credential), read on first use and trimmed. A failed
 * login calls {@link #invalidate()}, so a rotated file is read again.
 */
public final class FilePasswordSource implements PasswordSource {

  private static final Logger LOG = LoggerFactory.getLogger(FilePasswordSource.class);

  private final Path file;
  private volatile String cached;

  public FilePasswordSource(Path file) {
    this.file = file;
    warnIfOthersCanRead(file);
  }

  /** A warning, not an error: the agent still works, but anyone on the host can log in as it. */
  private static void warnIfOthersCanRead(Path file) {
    try {
      Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
      if (modes.contains(PosixFilePermission.GROUP_READ)
          || modes.contains(PosixFilePermission.OTHERS_READ)) {
        LOG.warn(
            "passwordFile '{}' can be read by group or others ({}); chmod 0600 it",
            file,
            PosixFilePermissions.toString(modes));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // missing or without POSIX modes: the config check or the first login reports it
    }
  }

  @Override
  public String password() throws IOException {
    String value = cached;
    if (value == null) {
      try {
        value = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        // the exception's own message is only the path; never the content
        throw new IOException(
            "cannot read password file '" + file + "': " + e.getClass().getSimpleName(), e);
      }
      if (value.isEmpty()) {
        throw new IOException("password file '" + file + "' is empty");
      }
      cached = value;
    }
    return value;
  }

  @Override
  public void invalidate() {
    cached = null;
  }

  @Override
  public String toString() {
    return "PasswordSource[file " + file + "]";
  }
}
