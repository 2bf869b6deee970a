package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.LoginOutcome;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.RowCount;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test-only backend answering a few fixed statements and recording every call. */
final class FixedBackend implements SqlBackend {
  static final String USER = "admin";
  static final String PASSWORD = "s3cret-Pa55!";
  static final String UNICODE = "Zürich ☃ 日本 \uD83D\uDE00";
  static final LocalDateTime WHEN = LocalDateTime.of(2024, 3, 15, 13, 45, 30, 120_000_000);
  static final OffsetDateTime WHEN_OFFSET =
      OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 123_456_700, ZoneOffset.ofHours(-5));
  static final int MANY_ROWS = 5_000;
  static final String BIG = "x".repeat(19_991) + "Ω end!!!!";

  record Call(int spid, String sql, Map<String, Object> params) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<Integer> disconnected = new CopyOnWriteArrayList<>();
  volatile String lastPassword;

  static final List<Column> TYPES =
      List.of(
          Column.of("i", SqlType.INT),
          Column.of("b", SqlType.BIGINT),
          Column.of("bit", SqlType.BIT),
          Column.of("f", SqlType.FLOAT),
          Column.of("d", SqlType.DECIMAL),
          Column.of("s", SqlType.NVARCHAR),
          Column.of("m", SqlType.NVARCHAR_MAX),
          Column.of("dt", SqlType.DATETIME),
          Column.of("dto", SqlType.DATETIMEOFFSET));

  static Object[] typesRow() {
    return new Object[] {
      -42,
      9_000_000_000L,
      true,
      3.25,
      new BigDecimal("-12345.67"),
      UNICODE,
      "max " + UNICODE,
      WHEN,
      WHEN_OFFSET
    };
  }

  @Override
  public LoginOutcome login(Session session, String user, String password, String database) {
    lastPassword = password;
    if (USER.equals(user) && PASSWORD.equals(password)) {
      return LoginOutcome.accept(database == null || database.isBlank() ? "master" : database);
    }
    return LoginOutcome.loginFailed(user);
  }

  @Override
  public void disconnected(Session session) {
    disconnected.add(session.spid());
  }

  @Override
  public Reply execute(Session session, String sql, Map<String, Object> params) {
    calls.add(
        new Call(session.spid(), sql, Collections.unmodifiableMap(new LinkedHashMap<>(params))));
    String s = sql.strip().toLowerCase(Locale.ROOT);
    if (s.equals("select 1")) {
      return Reply.of(rs(List.of(Column.of("", SqlType.INT)), new Object[] {1}));
    }
    if (s.equals("select types")) {
      return Reply.of(rs(TYPES, typesRow(), new Object[TYPES.size()]));
    }
    if (s.equals("select big")) {
      return Reply.of(rs(List.of(Column.of("big", SqlType.NVARCHAR_MAX)), new Object[] {BIG}));
    }
    if (s.equals("select many")) {
      return Reply.of(many());
    }
    if (s.startsWith("exec") && s.contains("msdb.dbo.rds_task_status")) {
      Object db =
          params.values().stream().filter(v -> v instanceof String).findFirst().orElse(null);
      return Reply.of(
              rs(
                  List.of(
                      Column.of("task_id", SqlType.INT),
                      Column.of("database_name", SqlType.NVARCHAR)),
                  new Object[] {7, db}))
          .withReturnStatus(0);
    }
    if (s.equals("select error")) {
      return Reply.of(
          SqlMessage.error(
              50000, 3, 16, "Backup of database 'sales' failed.", "rds_backup_database", 7));
    }
    if (s.equals("select info")) {
      return Reply.of(
          SqlMessage.info(5701, "Changed database context to 'sales'."),
          rs(List.of(Column.of("x", SqlType.INT)), new Object[] {5}));
    }
    if (s.equals("select slow")) {
      return Reply.of(rs(List.of(Column.of("x", SqlType.INT)), new Object[] {1})).withDelay(10_000);
    }
    if (s.equals("select drop")) {
      return Reply.of(many()).withDropAfterRows(10);
    }
    if (s.equals("select close")) {
      return Reply.of(rs(List.of(Column.of("x", SqlType.INT)), new Object[] {1})).withCloseAfter();
    }
    if (s.equals("select badvalue")) {
      return Reply.of(rs(List.of(Column.of("task_id", SqlType.INT)), new Object[] {"seven"}));
    }
    if (s.startsWith("update things")) {
      return Reply.of(new RowCount(3));
    }
    if (s.startsWith("use ")) {
      session.database(sql.strip().substring(4).replace("[", "").replace("]", ""));
      return Reply.empty();
    }
    if (s.startsWith("select @p")) {
      List<Column> cols = new ArrayList<>();
      Object[] row = new Object[params.size()];
      int i = 0;
      for (Map.Entry<String, Object> e : params.entrySet()) {
        cols.add(Column.of(e.getKey().substring(1), SqlType.NVARCHAR_MAX));
        row[i++] =
            e.getValue() == null
                ? null
                : e.getValue().getClass().getSimpleName() + ":" + e.getValue();
      }
      return Reply.of(rs(cols, row));
    }
    return Reply.empty();
  }

  private static ResultSetData many() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < MANY_ROWS; i++) {
      rows.add(new Object[] {i, "row " + i});
    }
    return new ResultSetData(
        List.of(Column.of("id", SqlType.INT), Column.of("name", SqlType.NVARCHAR)), rows);
  }

  private static ResultSetData rs(List<Column> columns, Object[]... rows) {
    return new ResultSetData(columns, List.of(rows));
  }

  List<Call> callsMatching(String prefix) {
    return calls.stream()
        .filter(c -> c.sql().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
        .toList();
  }
}
