package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. Its own thread reads every packet: it does the login itself, then hands
 * each request to a pooled worker and keeps reading, so an ATTENTION is seen while the worker is
 * still executing or sitting out an injected delay.
 */
final class TdsConnection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TdsConnection.class);

  private final SocketChannel channel;
  private final SqlBackend backend;
  private final ServerTls tls; // null: the listener has no certificate
  private final Session session;
  private final Executor workers;
  private final Consumer<TdsConnection> onClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object lock = new Object();
  private final PacketWriter writer;
  private final RequestProcessor processor;
  private volatile boolean loginSeen;
  private InFlight inFlight; // guarded by lock

  TdsConnection(
      SocketChannel channel,
      SqlBackend backend,
      ServerTls tls,
      int spid,
      Executor workers,
      Consumer<TdsConnection> onClosed)
      throws IOException {
    this.channel = channel;
    this.backend = backend;
    this.tls = tls;
    this.session = new Session(spid);
    this.workers = workers;
    this.onClosed = onClosed;
    this.writer = new PacketWriter(channel.socket().getOutputStream(), spid);
    PreparedHandles handles = new PreparedHandles();
    session.onUnprepare(handles::remove);
    this.processor = new RequestProcessor(backend, session, handles);
  }

  @Override
  public void run() {
    try {
      BufferedInputStream raw = new BufferedInputStream(channel.socket().getInputStream());
      PacketReader reader = login(new PacketReader(raw), raw);
      if (reader != null) {
        serve(reader);
      }
    } catch (IOException e) {
      LOG.debug("spid {}: connection ended: {}", session.spid(), e.toString());
    } catch (RuntimeException e) {
      LOG.debug("spid {}: connection failed", session.spid(), e);
    } finally {
      close();
    }
  }

  /** Does PRELOGIN, TLS as negotiated, and LOGIN7; returns the reader for requests, or null. */
  private PacketReader login(PacketReader reader, BufferedInputStream raw) throws IOException {
    TdsMessage m = reader.readMessage();
    PacketReader requests = reader;
    Encryption encryption = Encryption.NONE;
    if (m != null && m.type() == Tds.PKT_PRELOGIN) {
      int requested = Prelogin.requestedEncryption(m.payload());
      encryption = Encryption.negotiate(requested, tls != null, backend.forceEncryption());
      LOG.debug(
          "spid {}: prelogin, client encryption option {}, negotiated {}",
          session.spid(),
          requested,
          encryption);
      writer.writeMessage(Prelogin.reply(encryption.replyByte()));
      if (encryption == Encryption.FULL || encryption == Encryption.LOGIN_ONLY) {
        TlsSession secure =
            TlsSession.handshake(
                tls.newEngine(), reader, writer, raw, channel.socket().getOutputStream());
        PacketReader encrypted = new PacketReader(secure.input());
        if (encryption == Encryption.FULL) {
          writer.use(secure.output());
          requests = encrypted;
        }
        m = encrypted.readMessage(); // with LOGIN_ONLY the client drops TLS after this packet
      } else {
        m = reader.readMessage();
      }
    }
    if (m == null) {
      return null;
    }
    if (m.type() != Tds.PKT_LOGIN7) {
      throw new TdsProtocolException(
          String.format("expected PRELOGIN or LOGIN7, got packet type 0x%02X", m.type()));
    }
    Login7 login = Login7.parse(m.payload());
    LOG.debug("spid {}: {}", session.spid(), login);
    loginSeen = true;
    LoginResponder.Result result =
        encryption == Encryption.REFUSED
                || (encryption == Encryption.NONE && backend.forceEncryption())
            ? LoginResponder.encryptionRequired()
            : LoginResponder.respond(login, backend, session);
    writer.writeMessage(result.reply());
    return result.accepted() ? requests : null;
  }

  private void serve(PacketReader reader) throws IOException {
    while (true) {
      TdsMessage m = reader.readMessage();
      if (m == null) {
        return;
      }
      if (m.type() == Tds.PKT_ATTENTION) {
        attention();
        continue;
      }
      InFlight request = new InFlight();
      synchronized (lock) {
        while (inFlight != null) { // only a misbehaving client sends before the reply is complete
          waitForLock();
        }
        if (closed.get()) {
          return;
        }
        inFlight = request;
      }
      workers.execute(() -> answer(m, request));
    }
  }

  private void attention() throws IOException {
    synchronized (lock) {
      if (inFlight == null) {
        // the reply was complete before the ATTENTION came: the driver still awaits the ack
        writer.writeMessage(attentionAck());
      } else if (!inFlight.writing) {
        inFlight.cancel();
      } else {
        inFlight.ackAfterReply = true;
      }
    }
  }

  private void answer(TdsMessage message, InFlight request) {
    try {
      Response response = processor.process(message);
      request.awaitDelay(response.delayMillis());
      boolean cancelled;
      synchronized (lock) {
        cancelled = request.cancelled;
        request.writing = !cancelled;
      }
      if (cancelled) {
        TdsBuffer end = new TdsBuffer(16);
        TokenWriter.done(end, Tds.TOKEN_DONE, Tds.DONE_FINAL, Tds.CMD_NONE, 0);
        writer.writeMessage(end);
        writer.writeMessage(attentionAck());
      } else if (response.dropMark() >= 0) {
        writer.writePartial(response.message().array(), response.dropMark());
        dropMidMessage();
        return;
      } else {
        writer.writeMessage(response.message());
      }
      synchronized (lock) {
        if (request.ackAfterReply) {
          writer.writeMessage(attentionAck());
        }
        finished(request);
      }
      if (response.closeAfter()) {
        close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("spid {}: reply failed: {}", session.spid(), e.toString());
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    } finally {
      synchronized (lock) {
        finished(request);
      }
    }
  }

  /** Lets the reader dispatch the next request; caller holds the lock. */
  private void finished(InFlight request) {
    if (inFlight == request) {
      inFlight = null;
      lock.notifyAll();
    }
  }

  private static TdsBuffer attentionAck() {
    TdsBuffer ack = new TdsBuffer(16);
    TokenWriter.done(ack, Tds.TOKEN_DONE, Tds.DONE_ATTN, Tds.CMD_NONE, 0);
    return ack;
  }

  private void waitForLock() throws IOException {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Ends the connection in the middle of a reply. A FIN rather than a RST, so the client reliably
   * reads the rows already sent before it hits the end of the stream.
   */
  private void dropMidMessage() {
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("spid {}: shutdown failed: {}", session.spid(), e.toString());
    }
    close();
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("spid {}: close failed: {}", session.spid(), e.toString());
    }
    synchronized (lock) {
      inFlight = null;
      lock.notifyAll();
    }
    if (loginSeen) {
      try {
        backend.disconnected(session);
      } catch (RuntimeException e) {
        LOG.debug("spid {}: backend.disconnected failed", session.spid(), e);
      }
    }
    onClosed.accept(this);
  }

  int spid() {
    return session.spid();
  }
}
