package io.rdswatch.simulator.tds;

/** One client request: the payloads of its packets up to EOM, joined. */
record TdsMessage(int type, byte[] payload) {}
