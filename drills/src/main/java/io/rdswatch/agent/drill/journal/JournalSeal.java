package io.rdswatch.agent.drill.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals each journal file with an HMAC-SHA256 under a key kept next to the journals. Recovery and
 * the drop act only on a journal this stateDir sealed: a file edited by hand, or copied from
 * another agent's stateDir, is reported and never acted on. The file is {@code
 * {"seal":"<hex>","record":<json>}}, the seal covering the record's exact bytes.
 */
final class JournalSeal {

  static final String KEY_FILE = "journal.key";
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] HEAD = "{\"seal\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIDDLE = "\",\"record\":".getBytes(StandardCharsets.US_ASCII);
  private static final int SEAL_CHARS = 64;

  /** A journal file split into its seal (null when it has none) and the record's bytes. */
  record Parts(String seal, byte[] record) {}

  private final Path dir;
  private volatile SecretKeySpec key;

  JournalSeal(Path dir) {
    this.dir = dir;
  }

  byte[] wrap(byte[] record) throws IOException {
    byte[] seal = sign(record).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[HEAD.length + seal.length + MIDDLE.length + record.length + 2];
    int at = put(out, 0, HEAD);
    at = put(out, at, seal);
    at = put(out, at, MIDDLE);
    at = put(out, at, record);
    out[at] = '}';
    out[at + 1] = '\n';
    return out;
  }

  /**
   * A file without the sealed shape is taken as a bare record with no seal (readable, never
   * trusted).
   */
  static Parts split(byte[] file) {
    int end = file.length;
    while (end > 0 && Character.isWhitespace(file[end - 1])) {
      end--;
    }
    int body = HEAD.length + SEAL_CHARS + MIDDLE.length;
    if (end <= body
        || file[end - 1] != '}'
        || !startsWith(file, 0, HEAD)
        || !startsWith(file, HEAD.length + SEAL_CHARS, MIDDLE)) {
      return new Parts(null, file);
    }
    String seal = new String(file, HEAD.length, SEAL_CHARS, StandardCharsets.US_ASCII);
    return new Parts(seal, Arrays.copyOfRange(file, body, end - 1));
  }

  boolean verifies(Parts parts) throws IOException {
    if (parts.seal() == null) {
      return false;
    }
    byte[] expected = sign(parts.record()).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, parts.seal().getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(byte[] record) throws IOException {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      return HexFormat.of().formatHex(mac.doFinal(record));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private SecretKeySpec key() throws IOException {
    SecretKeySpec k = key;
    if (k == null) {
      Path file = dir.resolve(KEY_FILE);
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] bytes =
          HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (bytes.length < 32) {
        throw new IOException(file + " is not a drill journal key (expected 64 hex characters)");
      }
      k = new SecretKeySpec(bytes, ALGORITHM);
      key = k;
    }
    return k;
  }

  /**
   * Two processes may start at once: the key is linked into place whole, and the first one wins.
   */
  private void create(Path file) throws IOException {
    Files.createDirectories(dir);
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Path tmp = Files.createTempFile(dir, KEY_FILE, ".tmp");
    try {
      Optional.ofNullable(
              Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class))
          .ifPresent(
              v -> {
                try {
                  v.setPermissions(PosixFilePermissions.fromString("rw-------"));
                } catch (IOException ignored) {
                  // the directory's own permissions still protect it
                }
              });
      Files.writeString(tmp, HexFormat.of().formatHex(raw) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException lost) {
        // another process made the key first; use theirs
      } catch (UnsupportedOperationException noLinks) {
        try {
          Files.move(tmp, file);
        } catch (FileAlreadyExistsException lost) {
          // as above
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean startsWith(byte[] a, int at, byte[] b) {
    return a.length >= at + b.length && Arrays.equals(a, at, at + b.length, b, 0, b.length);
  }

  private static int put(byte[] out, int at, byte[] b) {
    System.arraycopy(b, 0, out, at, b.length);
    return at + b.length;
  }
}
