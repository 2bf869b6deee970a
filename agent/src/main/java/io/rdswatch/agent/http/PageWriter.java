package io.rdswatch.agent.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A Writer for one /metrics response, used by one thread. TextFormat emits a page character by
 * character (label values are escaped one char at a time), and every JDK or Jetty writer takes a
 * lock per call; this one buffers without locks. Pieces already encoded ({@link #writeUtf8}) are
 * copied as they are.
 */
final class PageWriter extends Writer {

  private final OutputStream out;
  private final char[] chars;
  private int used;

  PageWriter(OutputStream out, int bufferSize) {
    this.out = new BufferedOutputStream(out, bufferSize);
    this.chars = new char[bufferSize];
  }

  /** Text already encoded as UTF-8. */
  void writeUtf8(byte[] bytes) throws IOException {
    drain(false);
    out.write(bytes);
  }

  @Override
  public void write(int c) throws IOException {
    if (used == chars.length) {
      drain(true);
    }
    chars[used++] = (char) c;
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    while (len > 0) {
      if (used == chars.length) {
        drain(true);
      }
      int n = Math.min(len, chars.length - used);
      s.getChars(off, off + n, chars, used);
      used += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    write(new String(cbuf, off, len), 0, len);
  }

  @Override
  public void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  @Override
  public Writer append(char c) throws IOException {
    write(c);
    return this;
  }

  @Override
  public void flush() throws IOException {
    drain(false);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    drain(false);
    out.close();
  }

  /**
   * Encodes the buffered characters. Mid-page, a buffer may end inside a surrogate pair (TextFormat
   * writes label values a char at a time), so its high half waits for the next chunk.
   */
  private void drain(boolean more) throws IOException {
    if (used == 0) {
      return;
    }
    int end = more && Character.isHighSurrogate(chars[used - 1]) ? used - 1 : used;
    out.write(new String(chars, 0, end).getBytes(StandardCharsets.UTF_8));
    if (end < used) {
      chars[0] = chars[end];
    }
    used -= end;
  }
}
