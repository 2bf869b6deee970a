package io.rdswatch.simulator.tds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A little-endian reader over one request message; running past the end is a protocol error. */
final class TdsInput {
  private final byte[] bytes;
  private int pos;

  TdsInput(byte[] bytes) {
    this.bytes = bytes;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return bytes.length - pos;
  }

  int peek() throws TdsProtocolException {
    need(1);
    return bytes[pos] & 0xFF;
  }

  int u8() throws TdsProtocolException {
    need(1);
    return bytes[pos++] & 0xFF;
  }

  int u16() throws TdsProtocolException {
    return (int) uN(2);
  }

  int i32() throws TdsProtocolException {
    return (int) uN(4);
  }

  long u32() throws TdsProtocolException {
    return uN(4);
  }

  long i64() throws TdsProtocolException {
    return uN(8);
  }

  /** Unsigned little-endian integer of {@code width} bytes (up to 8). */
  long uN(int width) throws TdsProtocolException {
    need(width);
    long v = 0;
    for (int i = 0; i < width; i++) {
      v |= (long) (bytes[pos + i] & 0xFF) << (8 * i);
    }
    pos += width;
    return v;
  }

  byte[] bytes(int n) throws TdsProtocolException {
    need(n);
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return out;
  }

  void skip(int n) throws TdsProtocolException {
    need(n);
    pos += n;
  }

  /** {@code chars} UTF-16 code units. */
  String utf16(int chars) throws TdsProtocolException {
    need(chars * 2);
    String s = new String(bytes, pos, chars * 2, StandardCharsets.UTF_16LE);
    pos += chars * 2;
    return s;
  }

  /** A copy of the bytes between {@code from} and the current position. */
  byte[] slice(int from) {
    return Arrays.copyOfRange(bytes, from, pos);
  }

  private void need(int n) throws TdsProtocolException {
    if (n < 0 || pos + n > bytes.length) {
      throw new TdsProtocolException(
          "request ends early: needed "
              + n
              + " more bytes at offset "
              + pos
              + " of "
              + bytes.length);
    }
  }
}
