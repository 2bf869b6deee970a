package io.rdswatch.simulator.tds;

/** The ALL_HEADERS block that starts SQL_BATCH and RPC requests in TDS 7.2+ ([MS-TDS] 2.2.5.3). */
final class AllHeaders {
  private AllHeaders() {}

  /** Skips the block; its total length (a DWORD) includes the length field itself. */
  static void skip(TdsInput in) throws TdsProtocolException {
    long total = in.u32();
    if (total < 4 || total - 4 > in.remaining()) {
      throw new TdsProtocolException("ALL_HEADERS length " + total + " does not fit the request");
    }
    in.skip((int) total - 4);
  }

  /** The UTF-16LE text of a SQL_BATCH after its headers. */
  static String batchText(byte[] payload) throws TdsProtocolException {
    TdsInput in = new TdsInput(payload);
    skip(in);
    return in.utf16(in.remaining() / 2);
  }
}
