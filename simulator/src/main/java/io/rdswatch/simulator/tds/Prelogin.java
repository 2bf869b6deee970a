package io.rdswatch.simulator.tds;

/**
 * The PRELOGIN reply ([MS-TDS] 2.2.6.5). Offsets count from the start of the payload, and every
 * number in the option table is big-endian. ENCRYPTION carries what {@link Encryption} negotiated;
 * MARS must be present or FreeTDS falls back to TDS 7.1.
 */
final class Prelogin {
  private static final int VERSION = 0x00;
  private static final int ENCRYPTION = 0x01;
  private static final int INSTOPT = 0x02;
  private static final int THREADID = 0x03;
  private static final int MARS = 0x04;
  private static final int TERMINATOR = 0xFF;

  private Prelogin() {}

  static TdsBuffer reply(int encryption) {
    byte[] version = {
      (byte) Tds.SERVER_MAJOR,
      (byte) Tds.SERVER_MINOR,
      (byte) (Tds.SERVER_BUILD >>> 8),
      (byte) Tds.SERVER_BUILD,
      0,
      0
    };
    byte[][] data = {version, {(byte) encryption}, {0}, {}, {0}};
    int[] tokens = {VERSION, ENCRYPTION, INSTOPT, THREADID, MARS};
    TdsBuffer out = new TdsBuffer(64);
    int offset = tokens.length * 5 + 1;
    for (int i = 0; i < tokens.length; i++) {
      out.u8(tokens[i]).u16be(offset).u16be(data[i].length);
      offset += data[i].length;
    }
    out.u8(TERMINATOR);
    for (byte[] d : data) {
      out.bytes(d);
    }
    return out;
  }

  /** The client's ENCRYPTION byte, or -1 if absent. */
  static int requestedEncryption(byte[] payload) {
    for (int i = 0; i + 4 < payload.length && (payload[i] & 0xFF) != TERMINATOR; i += 5) {
      if (payload[i] == ENCRYPTION) {
        int offset = (payload[i + 1] & 0xFF) << 8 | (payload[i + 2] & 0xFF);
        return offset < payload.length ? payload[offset] & 0xFF : -1;
      }
    }
    return -1;
  }
}
