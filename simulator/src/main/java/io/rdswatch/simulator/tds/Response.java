package io.rdswatch.simulator.tds;

/**
 * An encoded reply message plus the fault directives the connection must carry out.
 *
 * @param dropMark send only this many bytes, then reset the connection; -1 for never
 */
record Response(TdsBuffer message, long delayMillis, int dropMark, boolean closeAfter) {

  static Response of(TdsBuffer message) {
    return new Response(message, 0, -1, false);
  }
}
