package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.engine.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How RPCs become backend calls, without a socket. */
class RpcPlannerTest {
  final PreparedHandles handles = new PreparedHandles();
  final RpcPlanner planner = new RpcPlanner(handles);

  static RpcRequest.Param p(String name, Object value) {
    return new RpcRequest.Param(name, false, value, new byte[] {0x26, 4}, TokenWriter.intnValue(0));
  }

  static RpcRequest.Param out(String name, Object value) {
    return new RpcRequest.Param(name, true, value, new byte[] {0x26, 4}, new byte[] {0});
  }

  @Test
  void declarationsNameThePositionalValues() throws Exception {
    assertThat(ParamDeclarations.parse("@P0 nvarchar(4000),@P1 decimal(38,2) , @ret int OUTPUT"))
        .containsExactly(
            new ParamDeclarations.Declared("@P0", false),
            new ParamDeclarations.Declared("@P1", false),
            new ParamDeclarations.Declared("@ret", true));
    assertThat(ParamDeclarations.parse("")).isEmpty();
    assertThatThrownBy(() -> ParamDeclarations.parse("P0 int"))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("'@name type'");
  }

  @Test
  void executesqlBindsByDeclarationUnlessTheClientNamedTheValues() throws Exception {
    RpcCall call =
        planner.plan(
            new RpcRequest(
                10,
                null,
                List.of(
                    p("", "SELECT @a, @b"),
                    p("", "@a int, @b nvarchar(10)"),
                    p("", 1),
                    p("", "x"))));
    assertThat(call.sql()).isEqualTo("SELECT @a, @b");
    assertThat(call.params()).containsExactly(Map.entry("@a", 1), Map.entry("@b", "x"));

    RpcCall named =
        planner.plan(
            new RpcRequest(
                -1,
                "sp_executesql",
                List.of(p("", "SELECT @b"), p("", "@a int, @b int"), p("@b", 2))));
    assertThat(named.params()).containsExactly(Map.entry("@b", 2));
  }

  @Test
  void prepexecCreatesAHandleThatExecuteAndUnprepareUse() throws Exception {
    RpcCall prep =
        planner.plan(
            new RpcRequest(
                13, null, List.of(out("", null), p("", "@P0 int"), p("", "SELECT @P0"), p("", 5))));
    assertThat(prep.newHandle()).isEqualTo(1);
    assertThat(prep.params()).containsExactly(Map.entry("@P0", 5));
    assertThat(prep.returnValues(Reply.empty()))
        .first()
        .satisfies(v -> assertThat(v.value()).isEqualTo(new byte[] {4, 1, 0, 0, 0}));

    RpcCall exec = planner.plan(new RpcRequest(12, null, List.of(p("", 1), p("", 6))));
    assertThat(exec.sql()).isEqualTo("SELECT @P0");
    assertThat(exec.params()).containsExactly(Map.entry("@P0", 6));

    planner.plan(new RpcRequest(15, null, List.of(p("", 1))));
    assertThat(handles.size()).isZero();
    RpcCall gone = planner.plan(new RpcRequest(12, null, List.of(p("", 1), p("", 6))));
    assertThat(gone.refusal().number()).isEqualTo(8179);
    assertThat(gone.refusal().message())
        .isEqualTo("Could not find prepared statement with handle 1.");
  }

  @Test
  void aNamedProcedureBecomesAnExecWithItsValuesInTheMap() throws Exception {
    RpcCall named =
        planner.plan(
            new RpcRequest(
                -1, "msdb.dbo.rds_task_status", List.of(p("@db_name", "sales"), p("@task_id", 4))));
    assertThat(named.sql())
        .isEqualTo("EXEC msdb.dbo.rds_task_status @db_name=@db_name, @task_id=@task_id");
    assertThat(named.params())
        .containsExactly(Map.entry("@db_name", "sales"), Map.entry("@task_id", 4));

    RpcCall positional =
        planner.plan(
            new RpcRequest(-1, "msdb.dbo.rds_task_status", List.of(p("", "sales"), out("", null))));
    assertThat(positional.sql()).isEqualTo("EXEC msdb.dbo.rds_task_status @P0, @P1 OUTPUT");
    assertThat(positional.params()).containsOnlyKeys("@P0", "@P1");
    assertThat(positional.outputs())
        .singleElement()
        .satisfies(o -> assertThat(o.ordinal()).isEqualTo(1));
  }

  @Test
  void cursorProceduresAreRefusedByName() throws Exception {
    RpcCall call = planner.plan(new RpcRequest(2, null, List.of()));
    assertThat(call.refusal().message()).contains("sp_cursoropen");
  }
}
