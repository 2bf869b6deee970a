package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The prepared-handle life cycle against a real simulated instance, with the exact requests
 * mssql-jdbc sends: sp_prepexec makes a handle, sp_execute uses it, and the driver's text batch
 * {@code EXEC sp_unprepare N;} drops it again (a later sp_execute gets 8179).
 */
class UnprepareE2eTest {

  @Test
  void theDriversUnprepareBatchDropsTheHandle() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    try (Simulator sim = Simulator.start(Scenario.blank("one"), SimulatorOptions.forTests(clock));
        RawClient c = new RawClient(sim.instance("one").port())) {
      assertThat(Hex.of(c.login("admin", "admin", Tds.TDS_7_4)))
          .contains("AD 32 00 01 74 00 00 04");

      c.send(Tds.PKT_RPC, prepexec("SELECT 1"));
      String prepared = Hex.of(c.readMessage());
      assertThat(prepared)
          .startsWith("81 01 00")
          .contains("26 04 04 01 00 00 00 FE"); // RETURNVALUE handle 1, DONEPROC
      c.send(Tds.PKT_RPC, execute(1));
      assertThat(c.readMessage()[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);

      c.send(Tds.PKT_SQL_BATCH, RawClient.batch("EXEC sp_unprepare 1;EXEC sp_unprepare 77;"));
      assertThat(Hex.of(c.readMessage()))
          .as("one DONE, no error")
          .isEqualTo("FD 00 00 00 00 00 00 00 00 00 00 00 00");

      c.send(Tds.PKT_RPC, execute(1));
      assertThat(Hex.of(c.readMessage()))
          .startsWith("AA") // ERROR 8179
          .contains(
              Hex.of(Hex.bytes(Hex.utf16("Could not find prepared statement with handle 1."))));
    }
  }

  private static byte[] prepexec(String sql) {
    TdsBuffer rpc = new TdsBuffer().bytes(RawClient.allHeaders());
    rpc.u16(0xFFFF).u16(RpcPlanner.SP_PREPEXEC).u16(0);
    rpc.bVarchar("").u8(1).u8(0x26).u8(4).u8(0); // @handle int OUTPUT, sent as NULL
    rpc.bVarchar("")
        .u8(0)
        .u8(0xE7)
        .u16(8000)
        .bytes(Tds.COLLATION)
        .u16(0xFFFF); // no parameter declarations
    byte[] text = sql.getBytes(StandardCharsets.UTF_16LE);
    rpc.bVarchar("").u8(0).u8(0xE7).u16(8000).bytes(Tds.COLLATION).u16(text.length).bytes(text);
    return rpc.toByteArray();
  }

  private static byte[] execute(int handle) {
    TdsBuffer rpc = new TdsBuffer().bytes(RawClient.allHeaders());
    rpc.u16(0xFFFF).u16(RpcPlanner.SP_EXECUTE).u16(0);
    rpc.bVarchar("").u8(0).u8(0x26).u8(4).u8(4).u32(handle);
    return rpc.toByteArray();
  }
}
