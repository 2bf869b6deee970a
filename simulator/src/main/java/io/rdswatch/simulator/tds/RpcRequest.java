package io.rdswatch.simulator.tds;

import java.util.List;

/**
 * One RPC of an RPC message: a procedure given by well-known id (10 = sp_executesql ...) or by
 * name, with its parameters in order.
 *
 * @param procId the id, or -1 when the procedure is named
 * @param procName the name, or null when it is given by id
 */
record RpcRequest(int procId, String procName, List<Param> params) {

  /**
   * @param name "@x" or "" for a positional parameter
   * @param output the by-reference bit: the client expects a RETURNVALUE
   * @param typeInfo and {@code rawValue}: the bytes as received, to echo an OUTPUT value
   */
  record Param(String name, boolean output, Object value, byte[] typeInfo, byte[] rawValue) {}

  RpcRequest {
    params = List.copyOf(params);
  }

  String describe() {
    return procName != null ? procName : "procedure id " + procId;
  }
}
