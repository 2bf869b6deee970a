package io.rdswatch.simulator.tds;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS for one TDS 7.4 connection, as SQL Server does it: the handshake records travel as the
 * payload of PRELOGIN (0x12) packets in both directions; once it is done, TLS records go straight
 * on the socket and carry the TDS packets. {@link #input()} and {@link #output()} are those
 * encrypted streams. Reads happen on the connection's reader thread and writes under the packet
 * writer's lock, and an SSLEngine allows one wrap and one unwrap at a time concurrently.
 */
final class TlsSession {
  private final SSLEngine engine;
  private final InputStream rawIn;
  private final OutputStream rawOut;
  private ByteBuffer netIn; // read mode: received TLS bytes not yet unwrapped
  private final ByteBuffer appIn; // read mode: decrypted bytes not yet returned

  private TlsSession(SSLEngine engine, InputStream rawIn, OutputStream rawOut) {
    this.engine = engine;
    this.rawIn = rawIn;
    this.rawOut = rawOut;
    this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
    this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
  }

  /**
   * Runs the server side of the handshake with the client's records read from PRELOGIN messages and
   * the server's sent as PRELOGIN packets through {@code writer}.
   */
  static TlsSession handshake(
      SSLEngine engine,
      PacketReader reader,
      PacketWriter writer,
      InputStream rawIn,
      OutputStream rawOut)
      throws IOException {
    TlsSession tls = new TlsSession(engine, rawIn, rawOut);
    engine.beginHandshake();
    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    ByteBuffer pending = ByteBuffer.allocate(4 * engine.getSession().getPacketBufferSize());
    ByteBuffer empty = ByteBuffer.allocate(0);
    HandshakeStatus status = engine.getHandshakeStatus();
    while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
      switch (status) {
        case NEED_WRAP -> {
          out.clear();
          SSLEngineResult r = engine.wrap(empty, out);
          out.flip();
          pending = append(pending, out);
          status = r.getHandshakeStatus();
        }
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          flushHandshake(writer, pending);
          SSLEngineResult r = tls.unwrapOnce();
          if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            TdsMessage m = reader.readMessage();
            if (m == null) {
              throw new EOFException("client closed the connection during the TLS handshake");
            }
            if (m.type() != Tds.PKT_PRELOGIN) {
              throw new TdsProtocolException(
                  String.format(
                      "expected a PRELOGIN packet carrying the TLS handshake, got type 0x%02X",
                      m.type()));
            }
            tls.received(m.payload());
            status = engine.getHandshakeStatus();
          } else {
            status = r.getHandshakeStatus();
          }
        }
        case NEED_TASK -> {
          for (Runnable task = engine.getDelegatedTask();
              task != null;
              task = engine.getDelegatedTask()) {
            task.run();
          }
          status = engine.getHandshakeStatus();
        }
        default -> throw new SSLException("unexpected handshake state " + status);
      }
    }
    flushHandshake(writer, pending);
    return tls;
  }

  private static void flushHandshake(PacketWriter writer, ByteBuffer pending) throws IOException {
    if (pending.position() > 0) {
      writer.writeMessage(Tds.PKT_PRELOGIN, pending.array(), pending.position());
      pending.clear();
    }
  }

  private static ByteBuffer append(ByteBuffer into, ByteBuffer from) {
    if (into.remaining() < from.remaining()) {
      ByteBuffer bigger = ByteBuffer.allocate((into.position() + from.remaining()) * 2);
      into.flip();
      bigger.put(into);
      into = bigger;
    }
    return into.put(from);
  }

  private void received(byte[] bytes) {
    netIn.compact();
    if (netIn.remaining() < bytes.length) {
      ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + bytes.length + 1024);
      netIn.flip();
      bigger.put(netIn);
      netIn = bigger;
    }
    netIn.put(bytes).flip();
  }

  private SSLEngineResult unwrapOnce() throws SSLException {
    appIn.compact();
    try {
      return engine.unwrap(netIn, appIn);
    } finally {
      appIn.flip();
    }
  }

  /** Decrypted bytes from the socket. */
  InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (!appIn.hasRemaining()) {
          SSLEngineResult r = unwrapOnce();
          switch (r.getStatus()) {
            case CLOSED -> {
              return -1;
            }
            case BUFFER_UNDERFLOW -> {
              byte[] chunk = new byte[Math.max(1024, engine.getSession().getPacketBufferSize())];
              int n = rawIn.read(chunk);
              if (n < 0) {
                return -1;
              }
              received(java.util.Arrays.copyOf(chunk, n));
            }
            case BUFFER_OVERFLOW ->
                throw new SSLException("TLS record larger than the application buffer");
            default -> {}
          }
        }
        int n = Math.min(len, appIn.remaining());
        appIn.get(b, off, n);
        return n;
      }
    };
  }

  /**
   * Encrypts what is written into TLS records on the socket; the packet writer serialises callers.
   */
  OutputStream output() {
    return new OutputStream() {
      private final ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
          out.clear();
          SSLEngineResult r = engine.wrap(src, out);
          if (r.getStatus() != SSLEngineResult.Status.OK) {
            throw new SSLException("cannot encrypt a reply: " + r.getStatus());
          }
          rawOut.write(out.array(), 0, out.position());
        }
      }

      @Override
      public void flush() throws IOException {
        rawOut.flush();
      }
    };
  }
}
