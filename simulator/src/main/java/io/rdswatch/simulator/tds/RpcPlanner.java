package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.SqlMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps an RPC onto a backend call: the sp_executesql family by id (or by name), with positional
 * values named from the declaration list, and any other named procedure as a synthesized {@code
 * EXEC name @a=@a, @P1} whose values travel in the parameter map.
 */
final class RpcPlanner {
  static final int SP_EXECUTESQL = 10;
  static final int SP_PREPARE = 11;
  static final int SP_EXECUTE = 12;
  static final int SP_PREPEXEC = 13;
  static final int SP_UNPREPARE = 15;

  private static final String[] PROC_NAMES = {
    "",
    "sp_cursor",
    "sp_cursoropen",
    "sp_cursorprepare",
    "sp_cursorexecute",
    "sp_cursorprepexec",
    "sp_cursorunprepare",
    "sp_cursorfetch",
    "sp_cursoroption",
    "sp_cursorclose",
    "sp_executesql",
    "sp_prepare",
    "sp_execute",
    "sp_prepexec",
    "sp_prepexecrpc",
    "sp_unprepare"
  };

  /**
   * JDBC's {@code {? = call proc}} arrives as {@code EXEC @P0 = proc ...}: the one piece of
   * statement text the protocol must read, because only it can return the status as an OUTPUT.
   */
  private static final Pattern RETURN_STATUS_BINDING =
      Pattern.compile("^\\s*EXEC(?:UTE)?\\s+(@\\w+)\\s*=", Pattern.CASE_INSENSITIVE);

  private final PreparedHandles handles;

  RpcPlanner(PreparedHandles handles) {
    this.handles = handles;
  }

  RpcCall plan(RpcRequest r) throws TdsProtocolException {
    int id = r.procId() >= 0 ? r.procId() : wellKnownId(r.procName());
    List<RpcRequest.Param> p = r.params();
    switch (id) {
      case SP_EXECUTESQL:
        return bind(text(p, 0, "statement"), declarations(p, 1), p, 2, null);
      case SP_PREPEXEC:
      case SP_PREPARE:
        String sql = text(p, 2, "stmt");
        var declarations = ParamDeclarations.parse(declarations(p, 1));
        int handle = handles.add(sql, declarations);
        return id == SP_PREPARE
            ? RpcCall.handleOnly(handle)
            : bind(sql, declarations, p, 3, handle);
      case SP_EXECUTE:
        int h = handle(p);
        PreparedHandles.Prepared prepared = handles.get(h);
        if (prepared == null) {
          return RpcCall.refuse(
              SqlMessage.error(
                  8179, 4, 16, "Could not find prepared statement with handle " + h + ".", "", 1));
        }
        return bind(prepared.sql(), prepared.declarations(), p, 1, null);
      case SP_UNPREPARE:
        handles.remove(handle(p));
        return RpcCall.handleOnly(null);
      case -1:
        return direct(r.procName(), p);
      default:
        String name = id < PROC_NAMES.length ? PROC_NAMES[id] : "procedure id " + id;
        return RpcCall.refuse(
            SqlMessage.error(
                2812,
                62,
                16,
                "The simulator does not support the RPC " + name + " (procedure id " + id + ").",
                "",
                1));
    }
  }

  private RpcCall bind(
      String sql, String declarations, List<RpcRequest.Param> p, int first, Integer handle)
      throws TdsProtocolException {
    return bind(sql, ParamDeclarations.parse(declarations), p, first, handle);
  }

  /** Values are named by the client if it named them, else by their declared position. */
  private static RpcCall bind(
      String sql,
      List<ParamDeclarations.Declared> declared,
      List<RpcRequest.Param> p,
      int first,
      Integer handle) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<RpcCall.Output> outputs = new ArrayList<>();
    for (int i = first; i < p.size(); i++) {
      int position = i - first;
      RpcRequest.Param param = p.get(i);
      ParamDeclarations.Declared d = position < declared.size() ? declared.get(position) : null;
      String name = !param.name().isEmpty() ? param.name() : d != null ? d.name() : "@P" + position;
      params.put(name, param.value());
      if (param.output() || (d != null && d.output())) {
        outputs.add(new RpcCall.Output(i, param, name));
      }
    }
    Matcher m = RETURN_STATUS_BINDING.matcher(sql);
    return new RpcCall(sql, params, handle, outputs, m.find() ? m.group(1) : null, null);
  }

  /** A procedure called by name: {@code EXEC name @a=@a, @P1 OUTPUT}. */
  private static RpcCall direct(String procName, List<RpcRequest.Param> p) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<RpcCall.Output> outputs = new ArrayList<>();
    StringBuilder sql = new StringBuilder("EXEC ").append(procName);
    for (int i = 0; i < p.size(); i++) {
      RpcRequest.Param param = p.get(i);
      String name = param.name().isEmpty() ? "@P" + i : param.name();
      sql.append(i == 0 ? " " : ", ");
      sql.append(param.name().isEmpty() ? name : name + "=" + name);
      if (param.output()) {
        sql.append(" OUTPUT");
        outputs.add(new RpcCall.Output(i, param, name));
      }
      params.put(name, param.value());
    }
    return new RpcCall(sql.toString(), params, null, outputs, null, null);
  }

  /** sp_executesql and friends may also be called by name, possibly schema-qualified. */
  private static int wellKnownId(String procName) {
    String last = procName.substring(procName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    for (int id = SP_EXECUTESQL; id <= SP_UNPREPARE; id++) {
      if (id != 14 && PROC_NAMES[id].equals(last)) {
        return id;
      }
    }
    return -1;
  }

  private static String text(List<RpcRequest.Param> p, int index, String what)
      throws TdsProtocolException {
    if (index >= p.size() || !(p.get(index).value() instanceof String s)) {
      throw new TdsProtocolException(
          "RPC parameter " + (index + 1) + " (" + what + ") must be a string");
    }
    return s;
  }

  /** The declaration list; absent or NULL when the statement has no parameters. */
  private static String declarations(List<RpcRequest.Param> p, int index)
      throws TdsProtocolException {
    return index >= p.size() || p.get(index).value() == null ? "" : text(p, index, "params");
  }

  private static int handle(List<RpcRequest.Param> p) throws TdsProtocolException {
    if (p.isEmpty() || !(p.get(0).value() instanceof Number n)) {
      throw new TdsProtocolException("RPC parameter 1 (handle) must be an integer");
    }
    return n.intValue();
  }
}
