package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.engine.Session;
import org.junit.jupiter.api.Test;

/** LOGIN7 parsing and the login response, byte for byte. */
class LoginResponseTest {
  final FixedBackend backend = new FixedBackend();

  @Test
  void parsesLogin7IncludingTheScrambledPassword() throws Exception {
    Login7 login = Login7.parse(RawClient.login7("admin", "s3cret-Pa55!", "sales", Tds.TDS_7_4));
    assertThat(login.tdsVersion()).isEqualTo(0x74000004);
    assertThat(login.userName()).isEqualTo("admin");
    assertThat(login.password()).isEqualTo("s3cret-Pa55!");
    assertThat(login.database()).isEqualTo("sales");
    assertThat(login.appName()).isEqualTo("rawclient");
    assertThat(login.hostName()).isEqualTo("testhost");
    assertThat(login.packetSize()).isEqualTo(4096);
    assertThat(login.toString()).doesNotContain("s3cret");
  }

  @Test
  void acceptedLoginIsEnvchangesLoginackDone() {
    Login7 login =
        new Login7(
            Tds.TDS_7_4, 8000, "h", FixedBackend.USER, FixedBackend.PASSWORD, "app", "srv", "", "");
    Session session = new Session(51);
    LoginResponder.Result r = LoginResponder.respond(login, backend, session);
    assertThat(r.accepted()).isTrue();
    String expected =
        ""
            + "E3 1B00 01 06"
            + Hex.utf16("master")
            + "06"
            + Hex.utf16("master") // ENVCHANGE database
            + "E3 0800 07 05 0904D00034 00" // ENVCHANGE collation: 5 bytes, empty old value
            + "E3 1300 04 04"
            + Hex.utf16("4096")
            + "04"
            + Hex.utf16("4096") // ENVCHANGE packet size
            + "AD 3200 01 74000004 14"
            + Hex.utf16("Microsoft SQL Server")
            + "10 00 10 63" // LOGINACK, 16.0.4195
            + "FD 0000 0000 0000000000000000"; // DONE, final
    assertThat(Hex.of(r.reply().toByteArray())).isEqualTo(Hex.of(Hex.bytes(expected)));
    assertThat(session.user()).isEqualTo(FixedBackend.USER);
    assertThat(session.database()).isEqualTo("master");
  }

  @Test
  void rejectedLoginIsError18456AndDoneWithTheErrorBit() {
    Login7 login = new Login7(Tds.TDS_7_4, 4096, "h", "x", "wrong", "app", "srv", "", "");
    LoginResponder.Result r = LoginResponder.respond(login, backend, new Session(52));
    assertThat(r.accepted()).isFalse();
    String message = "Login failed for user 'x'.";
    String expected =
        ""
            + "AA 6600 18480000 01 0E" // ERROR, number 18456, state 1, class 14
            + "1A00"
            + Hex.utf16(message)
            + "12"
            + Hex.utf16("rdswatch-simulator")
            + "00" // no procedure
            + "01000000" // line 1
            + "FD 0200 0000 0000000000000000"; // DONE with the error bit
    assertThat(Hex.of(r.reply().toByteArray())).isEqualTo(Hex.of(Hex.bytes(expected)));
  }

  @Test
  void tdsOlderThan72IsRefusedWithAClearMessage() throws Exception {
    try (TestServer sim = new TestServer();
        RawClient client = new RawClient(sim.listener.port())) {
      byte[] reply = client.login(FixedBackend.USER, FixedBackend.PASSWORD, 0x71000001);
      assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_ERROR);
      assertThat(
              new String(
                  java.util.Arrays.copyOfRange(reply, 11, reply.length),
                  java.nio.charset.StandardCharsets.UTF_16LE))
          .contains("requires TDS 7.2 or later");
      assertThat(client.socket.getInputStream().read()).as("socket closed").isEqualTo(-1);
      assertThat(sim.backend.lastPassword).as("the backend never saw this login").isNull();
    }
  }
}
