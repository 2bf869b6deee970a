package io.rdswatch.agent.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A password kept in a file (e.g. a systemd credential), read on first use and trimmed. A failed
 * login calls {@link #invalidate()}, so a rotated file is read again.
 */
public final class FilePasswordSource implements PasswordSource {

  private final Path file;
  private volatile String cached;

  public FilePasswordSource(Path file) {
    this.file = file;
  }

  @Override
  public String password() throws IOException {
    String value = cached;
    if (value == null) {
      try {
        value = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        // the exception's own message is only the path; never the content
        throw new IOException("cannot read password file '" + file + "': " + e.getClass().getSimpleName(), e);
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
