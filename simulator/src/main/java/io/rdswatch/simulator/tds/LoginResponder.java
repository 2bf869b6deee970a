package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.LoginOutcome;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import io.rdswatch.simulator.engine.SqlMessage;

/**
 * Answers LOGIN7 ([MS-TDS] 2.2.2.2), in the order real servers use: ENVCHANGE database, collation
 * and packet size, LOGINACK, DONE. A rejection is ERROR + DONE(error); the caller then closes.
 */
final class LoginResponder {
  private static final String DEFAULT_DATABASE = "master";

  record Result(TdsBuffer reply, boolean accepted) {}

  private LoginResponder() {}

  static Result respond(Login7 login, SqlBackend backend, Session session) {
    session.user(login.userName());
    if (Integer.compareUnsigned(login.tdsVersion(), Tds.TDS_7_2) < 0) {
      return reject(
          SqlMessage.error(
              18456,
              1,
              14,
              "Login failed for user '"
                  + login.userName()
                  + "'. The client asked for TDS "
                  + login.versionName()
                  + "; this server requires TDS 7.2 or later (it speaks 7.4).",
              "",
              1));
    }
    LoginOutcome outcome =
        backend.login(session, login.userName(), login.password(), login.database());
    if (!outcome.accepted()) {
      SqlMessage error =
          outcome.error() != null
              ? outcome.error()
              : LoginOutcome.loginFailed(login.userName()).error();
      return reject(error);
    }
    String database =
        outcome.database() == null || outcome.database().isBlank()
            ? DEFAULT_DATABASE
            : outcome.database();
    session.database(database);
    TdsBuffer out = new TdsBuffer(256);
    TokenWriter.envChangeDatabase(out, database, DEFAULT_DATABASE);
    TokenWriter.envChangeCollation(out);
    TokenWriter.envChangePacketSize(out, Tds.PACKET_SIZE);
    int version =
        Integer.compareUnsigned(login.tdsVersion(), Tds.TDS_7_4) > 0
            ? Tds.TDS_7_4
            : login.tdsVersion();
    TokenWriter.loginAck(out, version);
    TokenWriter.done(out, Tds.TOKEN_DONE, Tds.DONE_FINAL, Tds.CMD_NONE, 0);
    return new Result(out, true);
  }

  /**
   * A plain login to an instance that forces encryption (RDS {@code rds.force_ssl=1}): SQL Server's
   * error 17835, after which it closes the connection.
   */
  static Result encryptionRequired() {
    return reject(
        SqlMessage.error(
            17835,
            1,
            20,
            "Encryption is required to connect to this server but the client "
                + "library does not support encryption; the connection has been closed. Please upgrade your client library.",
            "",
            1));
  }

  private static Result reject(SqlMessage error) {
    TdsBuffer out = new TdsBuffer(256);
    TokenWriter.message(out, error);
    TokenWriter.done(out, Tds.TOKEN_DONE, Tds.DONE_ERROR, Tds.CMD_NONE, 0);
    return new Result(out, false);
  }
}
