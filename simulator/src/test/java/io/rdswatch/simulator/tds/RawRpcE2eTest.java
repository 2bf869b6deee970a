package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests mssql-jdbc does not send on its own, built by hand: direct RPCs, chains, attention
 * races.
 */
class RawRpcE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void aProcedureCalledByNameWithNamedParameters() throws Exception {
    try (RawClient c = loggedIn()) {
      TdsBuffer rpc = new TdsBuffer().bytes(RawClient.allHeaders());
      rpcHeader(rpc, "msdb.dbo.rds_task_status");
      nvarcharParam(rpc, "@db_name", "sales");
      c.send(Tds.PKT_RPC, rpc.toByteArray());
      byte[] reply = c.readMessage();
      assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);
      // ... DONEINPROC, RETURNSTATUS 0, DONEPROC final
      assertThat(Hex.of(Arrays.copyOfRange(reply, reply.length - 18, reply.length)))
          .isEqualTo(Hex.of(Hex.bytes("79 00000000 FE 0000 0000 0000000000000000")));
    }
    FixedBackend.Call call =
        sim.backend.callsMatching("EXEC msdb.dbo.rds_task_status @db_name").get(0);
    assertThat(call.sql()).isEqualTo("EXEC msdb.dbo.rds_task_status @db_name=@db_name");
    assertThat(call.params()).containsExactly(Map.entry("@db_name", "sales"));
  }

  @Test
  void chainedRpcsEachEndWithDoneprocAndOnlyTheLastIsFinal() throws Exception {
    try (RawClient c = loggedIn()) {
      TdsBuffer rpc = new TdsBuffer().bytes(RawClient.allHeaders());
      rpcHeader(rpc, "msdb.dbo.rds_task_status");
      nvarcharParam(rpc, "", "one");
      rpc.u8(0xFF); // batch flag
      rpcHeader(rpc, "msdb.dbo.rds_task_status");
      nvarcharParam(rpc, "", "two");
      c.send(Tds.PKT_RPC, rpc.toByteArray(), 512); // also exercises request reassembly
      byte[] reply = c.readMessage();
      String hex = Hex.of(reply);
      assertThat(hex).contains("79 00 00 00 00 FE 01 00 00 00"); // first DONEPROC has DONE_MORE
      assertThat(hex).endsWith("79 00 00 00 00 FE 00 00 00 00 00 00 00 00 00 00 00 00");
    }
    assertThat(sim.backend.callsMatching("EXEC msdb.dbo.rds_task_status @P0"))
        .extracting(x -> x.params().get("@P0"))
        .contains("one", "two");
  }

  @Test
  void attentionDuringADelayEndsTheRequestThenAcksInASecondMessage() throws Exception {
    try (RawClient c = loggedIn()) {
      c.send(Tds.PKT_SQL_BATCH, RawClient.batch("select slow"));
      // once the backend has answered, the request sits in its 10 s delay
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !sim.backend.callsMatching("select slow").isEmpty());
      long start = System.nanoTime();
      c.send(Tds.PKT_ATTENTION, new byte[0]);
      assertThat(Hex.of(c.readMessage()))
          .isEqualTo(Hex.of(Hex.bytes("FD 0000 0000 0000000000000000")));
      assertThat(Hex.of(c.readMessage()))
          .isEqualTo(Hex.of(Hex.bytes("FD 2000 0000 0000000000000000")));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
      assertUsable(c);
    }
  }

  @Test
  void attentionAfterTheReplyIsStillAcknowledged() throws Exception {
    try (RawClient c = loggedIn()) {
      c.send(Tds.PKT_SQL_BATCH, RawClient.batch("SELECT 1"));
      byte[] reply = c.readMessage();
      assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);
      c.send(Tds.PKT_ATTENTION, new byte[0]);
      assertThat(Hex.of(c.readMessage()))
          .isEqualTo(Hex.of(Hex.bytes("FD 2000 0000 0000000000000000")));
      assertUsable(c);
    }
  }

  @Test
  void aBatchThatReturnsNothingStillEndsWithADone() throws Exception {
    try (RawClient c = loggedIn()) {
      c.send(Tds.PKT_SQL_BATCH, RawClient.batch("SET NOCOUNT ON"));
      assertThat(Hex.of(c.readMessage()))
          .isEqualTo(Hex.of(Hex.bytes("FD 0000 0000 0000000000000000")));
    }
  }

  @Test
  void aMalformedRpcIsAnErrorAndTheConnectionSurvives() throws Exception {
    try (RawClient c = loggedIn()) {
      TdsBuffer rpc = new TdsBuffer().bytes(RawClient.allHeaders());
      rpcHeader(rpc, "msdb.dbo.rds_task_status");
      rpc.u8(0).u8(0).u8(0x99).u8(0); // a parameter of an unknown type
      c.send(Tds.PKT_RPC, rpc.toByteArray());
      byte[] reply = c.readMessage();
      assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_ERROR);
      assertThat(new String(reply, 9, reply.length - 9, StandardCharsets.UTF_16LE))
          .contains("0x99");
      assertUsable(c);
    }
  }

  private static void assertUsable(RawClient c) throws Exception {
    c.send(Tds.PKT_SQL_BATCH, RawClient.batch("SELECT 1"));
    byte[] reply = c.readMessage();
    assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);
  }

  private static RawClient loggedIn() throws Exception {
    RawClient c = new RawClient(sim.listener.port());
    byte[] login = c.login(FixedBackend.USER, FixedBackend.PASSWORD, Tds.TDS_7_4);
    assertThat(Hex.of(login))
        .contains("AD 32 00 01 74 00 00 04")
        .endsWith("FD 00 00 00 00 00 00 00 00 00 00 00 00");
    return c;
  }

  private static void rpcHeader(TdsBuffer rpc, String name) {
    rpc.u16(name.length()).utf16(name).u16(0);
  }

  private static void nvarcharParam(TdsBuffer rpc, String name, String value) {
    byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
    rpc.bVarchar(name).u8(0).u8(0xE7).u16(8000).bytes(Tds.COLLATION).u16(v.length).bytes(v);
  }
}
