package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import io.rdswatch.simulator.engine.SqlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one SQL_BATCH or RPC message into backend calls and an encoded reply. Never throws for a
 * bad request or a failing backend: those become SQL errors, so the connection stays usable.
 */
final class RequestProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);

  private final SqlBackend backend;
  private final Session session;
  private final RpcPlanner planner;

  RequestProcessor(SqlBackend backend, Session session, PreparedHandles handles) {
    this.backend = backend;
    this.session = session;
    this.planner = new RpcPlanner(handles);
  }

  Response process(TdsMessage message) {
    try {
      return switch (message.type()) {
        case Tds.PKT_SQL_BATCH -> batch(message.payload());
        case Tds.PKT_RPC -> rpcs(message.payload());
        default ->
            failure(
                String.format(
                    "The simulator does not support TDS request type 0x%02X.", message.type()));
      };
    } catch (TdsProtocolException e) {
      LOG.debug("spid {}: malformed request: {}", session.spid(), e.getMessage());
      return failure("The incoming TDS request is incorrect: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.debug("spid {}: request failed", session.spid(), e);
      return failure("The simulator failed to answer this request: " + e);
    }
  }

  private Response batch(byte[] payload) throws TdsProtocolException {
    String sql = AllHeaders.batchText(payload);
    LOG.debug("spid {}: batch {}", session.spid(), sql);
    String before = session.database();
    Reply reply = backend.execute(session, sql, Map.of());
    ReplyEncoder encoder = new ReplyEncoder();
    announceDatabase(encoder, before);
    encoder.batch(reply);
    encoder.finishBatch();
    return new Response(
        encoder.buffer(), reply.delayMillis(), encoder.dropMark(), reply.closeAfter());
  }

  private Response rpcs(byte[] payload) throws TdsProtocolException {
    List<RpcRequest> requests = RpcDecoder.decode(payload);
    String before = session.database();
    List<RpcCall> calls = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    for (RpcRequest request : requests) {
      RpcCall call;
      try {
        call = planner.plan(request);
      } catch (TdsProtocolException e) {
        call =
            RpcCall.refuse(
                simulatorError(
                    "The RPC " + request.describe() + " is incorrect: " + e.getMessage()));
      }
      calls.add(call);
      replies.add(execute(call, request));
    }
    ReplyEncoder encoder = new ReplyEncoder();
    announceDatabase(encoder, before);
    long delay = 0;
    boolean closeAfter = false;
    for (int i = 0; i < calls.size(); i++) {
      Reply reply = replies.get(i);
      delay = Math.max(delay, reply.delayMillis());
      closeAfter |= reply.closeAfter();
      encoder.rpc(reply, calls.get(i).returnValues(reply), i < calls.size() - 1);
    }
    return new Response(encoder.buffer(), delay, encoder.dropMark(), closeAfter);
  }

  private Reply execute(RpcCall call, RpcRequest request) {
    if (call.refusal() != null) {
      return Reply.error(call.refusal());
    }
    if (call.sql() == null) {
      return Reply.empty();
    }
    LOG.debug(
        "spid {}: rpc {} -> {} {}",
        session.spid(),
        request.describe(),
        call.sql(),
        call.params().keySet());
    return backend.execute(session, call.sql(), call.params());
  }

  private void announceDatabase(ReplyEncoder encoder, String before) {
    if (!session.database().equals(before)) {
      encoder.databaseChanged(session.database(), before);
    }
  }

  private static Response failure(String text) {
    ReplyEncoder encoder = new ReplyEncoder();
    encoder.batch(Reply.error(simulatorError(text)));
    encoder.finishBatch();
    return Response.of(encoder.buffer());
  }

  static SqlMessage simulatorError(String text) {
    return SqlMessage.error(50000, 1, 16, text, "", 1);
  }
}
