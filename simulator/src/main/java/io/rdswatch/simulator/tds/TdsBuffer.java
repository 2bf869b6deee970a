package io.rdswatch.simulator.tds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the little-endian writers the token stream needs. */
final class TdsBuffer {
  private byte[] bytes;
  private int size;

  TdsBuffer() {
    this(256);
  }

  TdsBuffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  TdsBuffer u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
    return this;
  }

  TdsBuffer u16(int v) {
    ensure(2);
    bytes[size++] = (byte) v;
    bytes[size++] = (byte) (v >>> 8);
    return this;
  }

  TdsBuffer u16be(int v) {
    ensure(2);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
    return this;
  }

  TdsBuffer u32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  TdsBuffer u32be(int v) {
    ensure(4);
    for (int i = 3; i >= 0; i--) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  TdsBuffer u64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Little-endian integer of {@code width} bytes (3 and 5 are used by the temporal types). */
  TdsBuffer uN(long v, int width) {
    ensure(width);
    for (int i = 0; i < width; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  TdsBuffer bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  TdsBuffer bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
    return this;
  }

  /** UTF-16LE text without a length prefix. */
  TdsBuffer utf16(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_16LE));
  }

  /** B_VARCHAR: a 1-byte character count, then UTF-16LE. */
  TdsBuffer bVarchar(String s) {
    String v = s == null ? "" : s;
    if (v.length() > 255) {
      v = v.substring(0, 255);
    }
    return u8(v.length()).utf16(v);
  }

  /** US_VARCHAR: a 2-byte character count, then UTF-16LE. */
  TdsBuffer usVarchar(String s) {
    String v = s == null ? "" : s;
    if (v.length() > 0xFFFF) {
      v = v.substring(0, 0xFFFF);
    }
    return u16(v.length()).utf16(v);
  }

  /** Overwrites a little-endian USHORT already written at {@code pos}. */
  void putU16At(int pos, int v) {
    bytes[pos] = (byte) v;
    bytes[pos + 1] = (byte) (v >>> 8);
  }

  int u16At(int pos) {
    return (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
