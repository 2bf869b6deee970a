package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.SqlMessage;
import java.util.List;

/** Encodes the server tokens ([MS-TDS] 2.2.7) into a reply buffer. All numbers little-endian. */
final class TokenWriter {
  private static final int ENV_DATABASE = 1;
  private static final int ENV_PACKET_SIZE = 4;
  private static final int ENV_COLLATION = 7;
  private static final int COLUMN_NULLABLE = 0x0001;
  private static final int INTERFACE_SQL = 1;
  private static final int RETVAL_OUTPUT = 0x01;
  private static final int MAX_MESSAGE_CHARS = 4000;

  private TokenWriter() {}

  static void envChangeDatabase(TdsBuffer out, String newDb, String oldDb) {
    int len = 1 + 1 + newDb.length() * 2 + 1 + oldDb.length() * 2;
    out.u8(Tds.TOKEN_ENVCHANGE).u16(len).u8(ENV_DATABASE).bVarchar(newDb).bVarchar(oldDb);
  }

  /** The driver insists on exactly 5 collation bytes, and an empty old value. */
  static void envChangeCollation(TdsBuffer out) {
    out.u8(Tds.TOKEN_ENVCHANGE).u16(1 + 1 + Tds.COLLATION.length + 1).u8(ENV_COLLATION);
    out.u8(Tds.COLLATION.length).bytes(Tds.COLLATION).u8(0);
  }

  /** Packet sizes travel as decimal strings. */
  static void envChangePacketSize(TdsBuffer out, int size) {
    String v = Integer.toString(size);
    out.u8(Tds.TOKEN_ENVCHANGE).u16(1 + 2 * (1 + v.length() * 2)).u8(ENV_PACKET_SIZE);
    out.bVarchar(v).bVarchar(v);
  }

  /** The TDS version in LOGINACK is big-endian, unlike everything else in the token stream. */
  static void loginAck(TdsBuffer out, int tdsVersion) {
    int len = 1 + 4 + 1 + Tds.PROGRAM_NAME.length() * 2 + 4;
    out.u8(Tds.TOKEN_LOGINACK).u16(len).u8(INTERFACE_SQL).u32be(tdsVersion);
    out.bVarchar(Tds.PROGRAM_NAME);
    out.u8(Tds.SERVER_MAJOR)
        .u8(Tds.SERVER_MINOR)
        .u8(Tds.SERVER_BUILD >>> 8)
        .u8(Tds.SERVER_BUILD & 0xFF);
  }

  /** DONE, DONEPROC or DONEINPROC; returns the offset of the status field for later patching. */
  static int done(TdsBuffer out, int token, int status, int curCmd, long rowCount) {
    out.u8(token);
    int statusAt = out.size();
    out.u16(status).u16(curCmd).u64(rowCount);
    return statusAt;
  }

  /** ERROR for messages flagged as errors, INFO otherwise. */
  static void message(TdsBuffer out, SqlMessage m) {
    String text = m.message() == null ? "" : m.message();
    if (text.length() > MAX_MESSAGE_CHARS) {
      text = text.substring(0, MAX_MESSAGE_CHARS); // the token length is a USHORT
    }
    String proc = m.procedure() == null ? "" : m.procedure();
    int len =
        4
            + 1
            + 1
            + 2
            + text.length() * 2
            + 1
            + Tds.SERVER_NAME.length() * 2
            + 1
            + Math.min(proc.length(), 255) * 2
            + 4;
    out.u8(m.isError() ? Tds.TOKEN_ERROR : Tds.TOKEN_INFO).u16(len);
    out.u32(m.number()).u8(m.state()).u8(m.severity());
    out.usVarchar(text).bVarchar(Tds.SERVER_NAME).bVarchar(proc).u32(m.line());
  }

  static void colMetadata(TdsBuffer out, List<Column> columns) {
    out.u8(Tds.TOKEN_COLMETADATA).u16(columns.size());
    for (Column c : columns) {
      out.u32(0).u16(COLUMN_NULLABLE); // UserType, Flags
      TypeEncoder.typeInfo(out, c.type());
      out.bVarchar(c.name());
    }
  }

  static void row(TdsBuffer out, List<Column> columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row has "
              + values.length
              + " values for "
              + columns.size()
              + " columns "
              + names(columns));
    }
    out.u8(Tds.TOKEN_ROW);
    for (int i = 0; i < values.length; i++) {
      TypeEncoder.value(out, columns.get(i).type(), values[i], columns.get(i).name());
    }
  }

  static void returnStatus(TdsBuffer out, int status) {
    out.u8(Tds.TOKEN_RETURNSTATUS).u32(status);
  }

  /** RETURNVALUE of an OUTPUT parameter, with TYPE_INFO and value already encoded. */
  static void returnValue(TdsBuffer out, int ordinal, String name, byte[] typeInfo, byte[] value) {
    out.u8(Tds.TOKEN_RETURNVALUE).u16(ordinal).bVarchar(name).u8(RETVAL_OUTPUT);
    out.u32(0).u16(COLUMN_NULLABLE).bytes(typeInfo).bytes(value);
  }

  /** RETURNVALUE carrying an int, as for the handle of sp_prepexec/sp_prepare. */
  static void returnValueInt(TdsBuffer out, int ordinal, String name, int value) {
    returnValue(out, ordinal, name, new byte[] {0x26, 4}, intnValue(value));
  }

  static byte[] intnValue(int value) {
    return new TdsBuffer(8).u8(4).u32(value).toByteArray();
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).toList().toString();
  }
}
