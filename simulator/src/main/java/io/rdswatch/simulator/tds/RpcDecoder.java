package io.rdswatch.simulator.tds;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RPC request message ([MS-TDS] 2.2.6.6): ALL_HEADERS, then one or more RPCs separated by
 * a batch flag byte (0xFF, or 0xFE for "no exec").
 */
final class RpcDecoder {
  private static final int PROC_ID_MARKER = 0xFFFF;
  private static final int BATCH_FLAG = 0xFF;
  private static final int NO_EXEC_FLAG = 0xFE;
  private static final int STATUS_BY_REF = 0x01;

  private RpcDecoder() {}

  static List<RpcRequest> decode(byte[] payload) throws TdsProtocolException {
    TdsInput in = new TdsInput(payload);
    AllHeaders.skip(in);
    List<RpcRequest> calls = new ArrayList<>();
    do {
      calls.add(one(in));
    } while (in.remaining() > 0);
    return calls;
  }

  private static RpcRequest one(TdsInput in) throws TdsProtocolException {
    int nameLength = in.u16();
    int procId = -1;
    String procName = null;
    if (nameLength == PROC_ID_MARKER) {
      procId = in.u16();
    } else {
      procName = in.utf16(nameLength);
    }
    in.u16(); // option flags (recompile, no metadata): nothing to honour here
    List<RpcRequest.Param> params = new ArrayList<>();
    while (in.remaining() > 0) {
      int next = in.peek();
      if (next == BATCH_FLAG || next == NO_EXEC_FLAG) {
        in.u8();
        break;
      }
      String name = in.utf16(in.u8());
      int status = in.u8();
      TypeDecoder.Decoded d =
          TypeDecoder.read(in, name.isEmpty() ? "#" + (params.size() + 1) : name);
      params.add(
          new RpcRequest.Param(
              name, (status & STATUS_BY_REF) != 0, d.value(), d.typeInfo(), d.rawValue()));
    }
    return new RpcRequest(procId, procName, params);
  }
}
