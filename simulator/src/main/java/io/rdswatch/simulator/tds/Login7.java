package io.rdswatch.simulator.tds;

/**
 * A parsed LOGIN7 request ([MS-TDS] 2.2.6.4). The FeatureExt block is ignored on purpose: the
 * server acknowledges no features, which only disables the driver's session recovery.
 *
 * @param tdsVersion as the client sent it, e.g. 0x74000004 for 7.4
 */
record Login7(
    int tdsVersion,
    int packetSize,
    String hostName,
    String userName,
    String password,
    String appName,
    String serverName,
    String language,
    String database) {

  private static final int FIXED_LENGTH = 94;

  static Login7 parse(byte[] payload) throws TdsProtocolException {
    if (payload.length < FIXED_LENGTH) {
      throw new TdsProtocolException(
          "LOGIN7 is " + payload.length + " bytes; its fixed part alone is " + FIXED_LENGTH);
    }
    TdsInput in = new TdsInput(payload);
    in.skip(4); // total length
    int version = in.i32();
    int packetSize = in.i32();
    return new Login7(
        version,
        packetSize,
        string(payload, 36),
        string(payload, 40),
        password(payload, 44),
        string(payload, 48),
        string(payload, 52),
        string(payload, 64),
        string(payload, 68));
  }

  /** "7.4" style, for messages. */
  String versionName() {
    return String.format(
        "%d.%d (0x%08X)", (tdsVersion >>> 28) & 0xF, tdsVersion >>> 24 & 0xF, tdsVersion);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Login7[tds="
        + versionName()
        + ", user="
        + userName
        + ", app="
        + appName
        + ", host="
        + hostName
        + ", database="
        + database
        + ", packetSize="
        + packetSize
        + "]";
  }

  /** The (offset, character count) pair at {@code field} names UTF-16LE text in the payload. */
  private static String string(byte[] payload, int field) throws TdsProtocolException {
    byte[] raw = raw(payload, field);
    return new String(raw, java.nio.charset.StandardCharsets.UTF_16LE);
  }

  /** Clients scramble the password: each byte has its nibbles swapped, then is XORed with 0xA5. */
  private static String password(byte[] payload, int field) throws TdsProtocolException {
    byte[] raw = raw(payload, field);
    for (int i = 0; i < raw.length; i++) {
      int b = (raw[i] & 0xFF) ^ 0xA5;
      raw[i] = (byte) ((b << 4 | b >>> 4) & 0xFF);
    }
    return new String(raw, java.nio.charset.StandardCharsets.UTF_16LE);
  }

  private static byte[] raw(byte[] payload, int field) throws TdsProtocolException {
    int offset = (payload[field] & 0xFF) | (payload[field + 1] & 0xFF) << 8;
    int chars = (payload[field + 2] & 0xFF) | (payload[field + 3] & 0xFF) << 8;
    if (offset + chars * 2 > payload.length) {
      throw new TdsProtocolException(
          "LOGIN7 field at "
              + field
              + " points past the end (offset "
              + offset
              + ", "
              + chars
              + " chars)");
    }
    byte[] raw = new byte[chars * 2];
    System.arraycopy(payload, offset, raw, 0, raw.length);
    return raw;
  }
}
