package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statements drivers and tools send on their own, and the recognizer's error paths. */
class StatementRouterTest {
  final DirectInstance db = new DirectInstance(Scenario_.ONE_DB);

  @Test
  void answersTheDriversOwnStatements() {
    for (String sql :
        new String[] {
          "SET TEXTSIZE 2147483647",
          "set implicit_transactions on ",
          "set implicit_transactions off ",
          "IF @@TRANCOUNT > 0 COMMIT TRAN",
          "IF @@TRANCOUNT > 0 ROLLBACK TRAN",
          "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
          "EXEC sp_unprepare 12;EXEC sp_unprepare 13;",
          "SET NOCOUNT ON; SET XACT_ABORT ON",
          "BEGIN TRAN",
          "COMMIT",
          "use [msdb]",
          "USE master"
        }) {
      assertThat(db.run(sql).hasError()).as(sql).isFalse();
    }
    assertThat(db.scalar("SELECT 1")).isEqualTo(1);
    assertThat(db.rows("SELECT @@spid spid").columns().get(0).name()).isEqualTo("spid");
    assertThat(db.scalar("SELECT @@spid spid")).isEqualTo(51);
    assertThat((String) db.scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2022");
    assertThat(db.scalar("SELECT SYSUTCDATETIME()"))
        .isEqualTo(LocalDateTime.of(2026, 11, 27, 0, 0));
  }

  @Test
  void useSwitchesTheSessionDatabaseAndRejectsUnknownOnes() {
    db.run("USE [Sales]");
    assertThat(db.session.database()).isEqualTo("Sales");
    db.run("use sales");
    assertThat(db.scalar("SELECT DB_NAME()")).isEqualTo("Sales");
    SqlMessage e = DirectInstance.error(db.run("USE [Nope]"));
    assertThat(e.number()).isEqualTo(911);
    assertThat(e.message())
        .isEqualTo("Database 'Nope' does not exist. Make sure that the name is entered correctly.");
  }

  @Test
  void unsupportedStatementsGetSqlServersSyntaxError() {
    SqlMessage e = DirectInstance.error(db.run("MERGE INTO x USING y"));
    assertThat(e.number()).isEqualTo(102);
    assertThat(e.severity()).isEqualTo(15);
    assertThat(e.message()).isEqualTo("Incorrect syntax near 'MERGE'.");
    assertThat(
            DirectInstance.error(db.run("SELECT name FROM sys.databases GROUP BY name")).message())
        .isEqualTo("Incorrect syntax near 'GROUP'.");
    assertThat(DirectInstance.error(db.run("exec nope.dbo.whatever")).number()).isEqualTo(2812);
  }

  @Test
  void parametersAndLiteralsResolve() {
    ResultSetData r =
        db.rows(
            "SELECT @P0 AS a, N'it''s' AS b, 'x' c, -3 AS d, NULL AS e, 2 * 3 + 1 AS f",
            Map.of("@P0", 42L));
    assertThat(r.rows().get(0)).containsExactly(42L, "it's", "x", -3, null, 7);
    assertThat(r.columns().get(0).type()).isEqualTo(SqlType.BIGINT);
    SqlMessage e = DirectInstance.error(db.run("SELECT @missing"));
    assertThat(e.number()).isEqualTo(137);
    assertThat(e.message()).isEqualTo("Must declare the scalar variable \"@missing\".");
  }

  @Test
  void aBatchStopsAtTheFirstError() {
    Reply r = db.run("SELECT 1; SELECT nope FROM sys.databases; SELECT 3");
    assertThat(r.items()).hasSize(2);
    assertThat(DirectInstance.error(r).number()).isEqualTo(207);
  }

  @Test
  void execBindsNamedAndPositionalArguments() {
    assertThat(db.run("exec msdb.dbo.rds_task_status @task_id = 0, @db_name = N'Sales'").hasError())
        .isFalse();
    assertThat(db.run("exec msdb.dbo.rds_task_status 'Sales'").hasError()).isFalse();
    assertThat(db.run("msdb.dbo.rds_task_status").hasError()).isFalse();
    assertThat(DirectInstance.error(db.run("exec msdb.dbo.rds_task_status @nope=1")).message())
        .isEqualTo("@nope is not a parameter for procedure rds_task_status.");
    assertThat(DirectInstance.error(db.run("exec msdb.dbo.rds_task_status 'a', 1, 2")).number())
        .isEqualTo(8144);
    assertThat(
            DirectInstance.error(db.run("exec msdb.dbo.rds_task_status @db_name='a', 1")).number())
        .isEqualTo(119);
    assertThat(DirectInstance.error(db.run("exec msdb.dbo.rds_cancel_task")).message())
        .isEqualTo(
            "Procedure or function 'rds_cancel_task' expects parameter '@task_id', which was not supplied.");
    assertThat(DirectInstance.error(db.run("exec rds_task_status")).number())
        .as("needs msdb")
        .isEqualTo(2812);
    Map<String, Object> rpc = new java.util.HashMap<>();
    rpc.put("@P0", null); // {? = call ...}: the status travels back in @P0
    rpc.put("@P1", null);
    assertThat(db.run("EXEC @P0 = msdb.dbo.rds_task_status @P1", rpc).returnStatus()).isZero();
  }

  @Test
  void batchVariablesCarryAProceduresReturnStatus() {
    String lock =
        "DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'drill:Sales', @LockMode = 'Exclusive', "
            + "@LockOwner = 'Session', @LockTimeout = 0; SELECT @r AS result";
    assertThat(db.rows(lock).rows().get(0)).containsExactly(0);
    io.rdswatch.simulator.engine.Session other = new io.rdswatch.simulator.engine.Session(52);
    db.backend.login(other, "admin", "admin", null);
    Reply second = db.backend.execute(other, lock, Map.of());
    assertThat(((ResultSetData) second.items().get(0)).rows().get(0)).containsExactly(-1);
    db.backend.disconnected(db.session);
    assertThat(
            ((ResultSetData) db.backend.execute(other, lock, Map.of()).items().get(0))
                .rows()
                .get(0))
        .containsExactly(0);
    assertThat(db.scalar("DECLARE @x nvarchar(20) = N'a'; SET @x = N'b'; SELECT @x"))
        .isEqualTo("b");
    assertThat(DirectInstance.error(db.run("SET @nope = 1")).number()).isEqualTo(137);
  }

  @Test
  void loginChecksPasswordAndDatabase() {
    io.rdswatch.simulator.engine.Session s = new io.rdswatch.simulator.engine.Session(60);
    assertThat(db.backend.login(s, "admin", "admin", "sales").database()).isEqualTo("Sales");
    assertThat(db.backend.login(s, "admin", "nope", null).error().number()).isEqualTo(18456);
    assertThat(db.backend.login(s, "admin", "admin", "Nope").error().message())
        .isEqualTo("Cannot open database \"Nope\" requested by the login. The login failed.");
  }
}
