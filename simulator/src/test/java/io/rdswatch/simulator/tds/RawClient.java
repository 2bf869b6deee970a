package io.rdswatch.simulator.tds;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A hand-rolled TDS client for byte-level tests: exact packets in, raw reply messages out. */
final class RawClient implements AutoCloseable {
  final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  /** Headers of the packets of the last message read. */
  final List<byte[]> lastHeaders = new ArrayList<>();

  RawClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Sends a message split into packets of at most {@code packetSize} bytes. */
  void send(int type, byte[] payload, int packetSize) throws IOException {
    int max = packetSize - 8;
    int off = 0;
    int id = 1;
    do {
      int chunk = Math.min(max, payload.length - off);
      boolean last = off + chunk == payload.length;
      int len = chunk + 8;
      out.write(
          new byte[] {
            (byte) type, (byte) (last ? 1 : 0), (byte) (len >>> 8), (byte) len, 0, 0, (byte) id++, 0
          });
      out.write(payload, off, chunk);
      off += chunk;
    } while (off < payload.length);
    out.flush();
  }

  void send(int type, byte[] payload) throws IOException {
    send(type, payload, 4096);
  }

  /** Reads packets up to EOM and returns the joined payload. */
  byte[] readMessage() throws IOException {
    lastHeaders.clear();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      byte[] header = new byte[8];
      in.readFully(header);
      lastHeaders.add(header);
      int len = (header[2] & 0xFF) << 8 | (header[3] & 0xFF);
      byte[] chunk = new byte[len - 8];
      in.readFully(chunk);
      body.writeBytes(chunk);
      if ((header[1] & 1) != 0) {
        return body.toByteArray();
      }
    }
  }

  /** PRELOGIN then LOGIN7; returns the login reply payload. */
  byte[] login(String user, String password, int tdsVersion) throws IOException {
    send(0x12, new byte[] {0, 0, 6, 0, 6, (byte) 0xFF, 9, 0, 0, 0, 0, 0});
    readMessage();
    send(0x10, login7(user, password, "", tdsVersion));
    return readMessage();
  }

  /** ALL_HEADERS (transaction descriptor 0, one outstanding request), as the drivers send it. */
  static byte[] allHeaders() {
    TdsBuffer b = new TdsBuffer(22);
    b.u32(22).u32(18).u16(2).u64(0).u32(1);
    return b.toByteArray();
  }

  static byte[] batch(String sql) {
    TdsBuffer b = new TdsBuffer(64);
    b.bytes(allHeaders()).utf16(sql);
    return b.toByteArray();
  }

  static byte[] login7(String user, String password, String database, int tdsVersion) {
    String[] fields = {"testhost", user, password, "rawclient", "127.0.0.1", "", "", "", database};
    int[] pairs = {36, 40, 44, 48, 52, 56, 60, 64, 68};
    TdsBuffer fixed = new TdsBuffer(94);
    fixed.u32(0).u32(tdsVersion).u32(4096).u32(7).u32(1234).u32(0);
    fixed.u8(0xE0).u8(0x03).u8(0).u8(0).u32(0).u32(0x0409);
    TdsBuffer data = new TdsBuffer(128);
    int offset = 94;
    byte[] bytes = new byte[94];
    System.arraycopy(fixed.toByteArray(), 0, bytes, 0, 36);
    for (int i = 0; i < fields.length; i++) {
      byte[] text = fields[i].getBytes(StandardCharsets.UTF_16LE);
      if (i == 2) {
        for (int j = 0; j < text.length; j++) {
          int b = text[j] & 0xFF;
          text[j] = (byte) (((b << 4 | b >>> 4) & 0xFF) ^ 0xA5);
        }
      }
      int at = pairs[i];
      bytes[at] = (byte) offset;
      bytes[at + 1] = (byte) (offset >>> 8);
      bytes[at + 2] = (byte) fields[i].length();
      bytes[at + 3] = (byte) (fields[i].length() >>> 8);
      data.bytes(text);
      offset += text.length;
    }
    TdsBuffer all = new TdsBuffer(offset);
    all.bytes(bytes).bytes(data.toByteArray());
    byte[] login = all.toByteArray();
    login[0] = (byte) login.length;
    login[1] = (byte) (login.length >>> 8);
    return login;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
