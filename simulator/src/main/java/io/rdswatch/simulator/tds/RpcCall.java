package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.SqlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one RPC asks the backend to do, and what to report back besides the backend's reply.
 *
 * @param sql the statement to execute, or null when the RPC only manages handles
 * @param params bound values keyed by "@name", in declaration order
 * @param newHandle the handle sp_prepexec/sp_prepare created, reported as the first RETURNVALUE
 * @param outputs OUTPUT parameters (ordinal = position in the RPC), reported after RETURNSTATUS
 * @param returnStatusParam the OUTPUT parameter bound as {@code EXEC @p = proc}, or null
 * @param refusal an error to answer instead of executing anything, or null
 */
record RpcCall(
    String sql,
    Map<String, Object> params,
    Integer newHandle,
    List<Output> outputs,
    String returnStatusParam,
    SqlMessage refusal) {

  record Output(int ordinal, RpcRequest.Param param, String name) {}

  static RpcCall refuse(SqlMessage error) {
    return new RpcCall(null, Map.of(), null, List.of(), null, error);
  }

  static RpcCall handleOnly(Integer newHandle) {
    return new RpcCall(null, Map.of(), newHandle, List.of(), null, null);
  }

  /** The handle first (the driver takes the first RETURNVALUE as the handle), then OUTPUTs. */
  List<ReplyEncoder.ReturnValue> returnValues(Reply reply) {
    List<ReplyEncoder.ReturnValue> values = new ArrayList<>();
    if (newHandle != null) {
      values.add(
          new ReplyEncoder.ReturnValue(
              0, "@handle", new byte[] {0x26, 4}, TokenWriter.intnValue(newHandle)));
    }
    for (Output o : outputs) {
      if (o.name().equalsIgnoreCase(returnStatusParam)) {
        int status = reply.returnStatus() == null ? 0 : reply.returnStatus();
        values.add(
            new ReplyEncoder.ReturnValue(
                o.ordinal(), o.name(), new byte[] {0x26, 4}, TokenWriter.intnValue(status)));
      } else {
        // the backend has no way to set OUTPUT values, so the client gets back what it sent
        values.add(
            new ReplyEncoder.ReturnValue(
                o.ordinal(), o.name(), o.param().typeInfo(), o.param().rawValue()));
      }
    }
    return values;
  }
}
