package io.rdswatch.simulator.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads client packets and joins them into messages; a message ends with the EOM packet. */
final class PacketReader {
  /** Guards the heap against a hostile or broken client announcing endless continuation packets. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final InputStream in;
  private final byte[] header = new byte[Tds.HEADER_LENGTH];

  PacketReader(InputStream in) {
    this.in = in;
  }

  /** The next whole message, or null when the client closed the connection between messages. */
  TdsMessage readMessage() throws IOException {
    ByteArrayOutputStream payload = null;
    int type = -1;
    while (true) {
      if (!readHeader(payload == null)) {
        return null;
      }
      int packetType = header[0] & 0xFF;
      int status = header[1] & 0xFF;
      int length = (header[2] & 0xFF) << 8 | (header[3] & 0xFF);
      if (!isClientPacketType(packetType)) {
        throw new TdsProtocolException(
            String.format(
                "0x%02X is not a TDS client packet type%s",
                packetType,
                packetType == 0x16
                    ? " (a TLS handshake before PRELOGIN is encrypt=strict, TDS 8, which this simulator does not speak: use encrypt=true)"
                    : ""));
      }
      if (length < Tds.HEADER_LENGTH) {
        throw new TdsProtocolException("packet length " + length + " is shorter than its header");
      }
      if (payload == null) {
        type = packetType;
        payload = new ByteArrayOutputStream(Math.max(32, length - Tds.HEADER_LENGTH));
      } else if (packetType != type && packetType != Tds.PKT_ATTENTION) {
        throw new TdsProtocolException(
            String.format("packet type 0x%02X inside a message of type 0x%02X", packetType, type));
      }
      byte[] body = in.readNBytes(length - Tds.HEADER_LENGTH);
      if (body.length != length - Tds.HEADER_LENGTH) {
        throw new EOFException("connection closed inside a packet");
      }
      if (packetType == Tds.PKT_ATTENTION && type != Tds.PKT_ATTENTION) {
        // an attention mid-message abandons the partial request
        return new TdsMessage(Tds.PKT_ATTENTION, new byte[0]);
      }
      payload.write(body);
      if (payload.size() > MAX_MESSAGE_BYTES) {
        throw new TdsProtocolException("request larger than " + MAX_MESSAGE_BYTES + " bytes");
      }
      if ((status & Tds.STATUS_EOM) != 0) {
        return new TdsMessage(type, payload.toByteArray());
      }
    }
  }

  /**
   * SQL batch, pre-7 login, RPC, attention, bulk load, transaction manager, LOGIN7, SSPI, PRELOGIN.
   */
  private static boolean isClientPacketType(int type) {
    return switch (type) {
      case 0x01, 0x02, 0x03, 0x06, 0x07, 0x0E, 0x10, 0x11, 0x12 -> true;
      default -> false;
    };
  }

  private boolean readHeader(boolean atMessageStart) throws IOException {
    int n = in.readNBytes(header, 0, Tds.HEADER_LENGTH);
    if (n == 0 && atMessageStart) {
      return false;
    }
    if (n != Tds.HEADER_LENGTH) {
      throw new EOFException("connection closed inside a packet header");
    }
    return true;
  }
}
