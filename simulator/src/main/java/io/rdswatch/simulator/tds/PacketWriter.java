package io.rdswatch.simulator.tds;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Splits reply messages into packets of at most {@link Tds#PACKET_SIZE} bytes. Only the last packet
 * of a message carries EOM; tokens and rows are split wherever the boundary falls, which the
 * clients reassemble. Each message goes out in one write call so that two threads replying on one
 * connection (a worker and the attention handler) can never interleave packets.
 */
final class PacketWriter {
  private static final int MAX_PAYLOAD = Tds.PACKET_SIZE - Tds.HEADER_LENGTH;

  private OutputStream out; // guarded by this: the socket, or TLS records on it once encrypted
  private final int spid;

  PacketWriter(OutputStream out, int spid) {
    this.out = out;
    this.spid = spid;
  }

  /** From now on every packet goes through {@code encrypted} (TLS after the handshake). */
  synchronized void use(OutputStream encrypted) {
    this.out = encrypted;
  }

  void writeMessage(TdsBuffer message) throws IOException {
    writeMessage(message.array(), message.size());
  }

  /** Sends {@code len} bytes as one complete reply message. */
  synchronized void writeMessage(byte[] data, int len) throws IOException {
    writeMessage(Tds.PKT_REPLY, data, len);
  }

  /**
   * Sends one complete message of packet type {@code type} (PRELOGIN while TLS is being set up).
   */
  synchronized void writeMessage(int type, byte[] data, int len) throws IOException {
    out.write(frame(type, data, len, true));
    out.flush();
  }

  /** Sends the bytes as packets of an unfinished message (no EOM): a connection about to die. */
  synchronized void writePartial(byte[] data, int len) throws IOException {
    if (len > 0) {
      out.write(frame(Tds.PKT_REPLY, data, len, false));
    }
    out.flush();
  }

  /** The packets for {@code len} payload bytes; an empty message is one header-only packet. */
  byte[] frame(int type, byte[] data, int len, boolean endOfMessage) {
    int packets = Math.max(1, (len + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
    byte[] framed = new byte[len + packets * Tds.HEADER_LENGTH];
    int src = 0;
    int dst = 0;
    for (int i = 0; i < packets; i++) {
      int chunk = Math.min(MAX_PAYLOAD, len - src);
      boolean last = i == packets - 1;
      int length = chunk + Tds.HEADER_LENGTH;
      framed[dst] = (byte) type;
      framed[dst + 1] = (byte) (last && endOfMessage ? Tds.STATUS_EOM : 0);
      framed[dst + 2] = (byte) (length >>> 8);
      framed[dst + 3] = (byte) length;
      framed[dst + 4] = (byte) (spid >>> 8);
      framed[dst + 5] = (byte) spid;
      framed[dst + 6] = (byte) (i + 1); // packet id, wraps at 256 as the spec allows
      framed[dst + 7] = 0;
      System.arraycopy(data, src, framed, dst + Tds.HEADER_LENGTH, chunk);
      src += chunk;
      dst += length;
    }
    return framed;
  }
}
