package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.engine.LoginOutcome;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDS 7.4 TLS as SQL Server does it, checked with both independent clients: mssql-jdbc with
 * encrypt=true and a trust store (certificate and host name verified), and FreeTDS tsql with
 * encryption required. A forced instance refuses plain logins.
 */
class TlsE2eTest {
  @TempDir static Path dir;
  static ServerTls tls;
  static ServerTls.TrustFiles files;
  static TdsServer server;
  static ListenerHandle open;
  static ListenerHandle forced;
  static final FixedBackend backend = new FixedBackend();

  @BeforeAll
  static void start() throws IOException {
    tls = ServerTls.generate("rdswatch test CA");
    files = tls.writeTo(dir.resolve("tls"));
    server = new TdsServer(tls);
    open = server.listen(InetAddress.getLoopbackAddress(), 0, backend);
    forced = server.listen(InetAddress.getLoopbackAddress(), 0, new Forced(backend));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String url(int port, String host, String extra) {
    return "jdbc:sqlserver://"
        + host
        + ":"
        + port
        + ";loginTimeout=5;encrypt=true;trustServerCertificate=false;"
        + "trustStore="
        + files.trustStore()
        + ";trustStorePassword="
        + ServerTls.TRUST_STORE_PASSWORD
        + extra;
  }

  @Test
  void writesTheCaAsPemAndAsAPkcs12TrustStore() throws Exception {
    assertThat(Files.readString(files.caPem()))
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(files.trustStore())) {
      store.load(in, ServerTls.TRUST_STORE_PASSWORD.toCharArray());
    }
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.getCertificate(store.aliases().nextElement())).isEqualTo(tls.caCertificate());
  }

  @Test
  void jdbcRunsTheWholeSessionInTlsWithAVerifiedCertificate() throws Exception {
    for (String host : List.of("127.0.0.1", "localhost")) {
      try (Connection c =
              DriverManager.getConnection(
                  url(open.port(), host, ""), FixedBackend.USER, FixedBackend.PASSWORD);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select many")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).as("a result over many TLS records").isEqualTo(5000);
      }
    }
    try (Connection c =
            DriverManager.getConnection(
                url(forced.port(), "localhost", ""), FixedBackend.USER, FixedBackend.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }

  @Test
  void jdbcWithEncryptFalseEncryptsTheLoginOnlyAndStillWorks() throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:sqlserver://127.0.0.1:" + open.port() + ";encrypt=false;loginTimeout=5",
            FixedBackend.USER,
            FixedBackend.PASSWORD)) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void jdbcRejectsAnUntrustedCertificateAndAWrongHostName() throws Exception {
    Path other = ServerTls.generate("some other CA").writeTo(dir.resolve("other")).trustStore();
    String wrongStore =
        "jdbc:sqlserver://127.0.0.1:"
            + open.port()
            + ";loginTimeout=5;encrypt=true;trustStore="
            + other
            + ";trustStorePassword=changeit";
    assertThatThrownBy(
            () -> DriverManager.getConnection(wrongStore, FixedBackend.USER, FixedBackend.PASSWORD))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("PKIX path building failed");
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    url(open.port(), "127.0.0.1", ";hostNameInCertificate=db.example.com"),
                    FixedBackend.USER,
                    FixedBackend.PASSWORD))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("db.example.com");
  }

  @Test
  void tsqlRunsTaskStatusWithEncryptionRequired() throws Exception {
    Tsql r = tsql(open.port(), "require", "exec msdb.dbo.rds_task_status\ngo\nexit\n");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("task_id\tdatabase_name\n7\tNULL");
  }

  @Test
  void aForcedInstanceRefusesAClientThatCannotEncrypt() throws Exception {
    Tsql r = tsql(forced.port(), "off", "select 1\ngo\nexit\n");
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output())
        .doesNotContain("rows affected")
        .contains("Adaptive Server connection failed");
    Tsql ok = tsql(forced.port(), "require", "exec msdb.dbo.rds_task_status\ngo\nexit\n");
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("task_id\tdatabase_name\n7\tNULL");
  }

  @Test
  void aForcedInstanceAnswersAPlainLoginWithSqlServersError17835() throws Exception {
    try (RawClient client = new RawClient(forced.port())) {
      // PRELOGIN: VERSION, then ENCRYPTION = NOT_SUP (a client library without TLS)
      client.send(
          Tds.PKT_PRELOGIN,
          new byte[] {
            0, 0, 11, 0, 6, 1, 0, 17, 0, 1, (byte) 0xFF, 9, 0, 0, 0, 0, 0, Tds.ENCRYPT_NOT_SUP
          });
      byte[] prelogin = client.readMessage();
      assertThat(Prelogin.requestedEncryption(prelogin))
          .as("the server requires encryption")
          .isEqualTo(Tds.ENCRYPT_REQ);
      client.send(
          Tds.PKT_LOGIN7,
          RawClient.login7(FixedBackend.USER, FixedBackend.PASSWORD, "", Tds.TDS_7_4));
      String expected =
          "Encryption is required to connect to this server but the client library does not support "
              + "encryption; the connection has been closed. Please upgrade your client library.";
      // the ERROR token's text is UTF-16LE at an odd offset: compare as ISO-8859-1 to keep every
      // byte
      String reply = new String(client.readMessage(), StandardCharsets.ISO_8859_1);
      assertThat(reply)
          .contains(
              new String(
                  expected.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
      assertThat(client.socket.getInputStream().read())
          .as("the server closed the connection")
          .isEqualTo(-1);
    }
  }

  record Tsql(int exitCode, String output) {}

  private static Tsql tsql(int port, String encryption, String input)
      throws IOException, InterruptedException {
    Path conf = dir.resolve("freetds-" + encryption + ".conf");
    Files.writeString(
        conf,
        "[global]\n  tds version = 7.4\n  encryption = "
            + encryption
            + "\n  ca file = "
            + files.caPem()
            + "\n  check certificate hostname = yes\n");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                FreeTdsE2eTest.TSQL,
                "-H",
                "localhost",
                "-p",
                Integer.toString(port),
                "-U",
                FixedBackend.USER,
                "-P",
                FixedBackend.PASSWORD));
    pb.environment().put("FREETDSCONF", conf.toString());
    pb.environment().put("TDSVER", "7.4");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("tsql finished").isTrue();
    return new Tsql(p.exitValue(), out);
  }

  /** The same answers from an instance with rds.force_ssl=1. */
  private record Forced(SqlBackend inner) implements SqlBackend {
    @Override
    public LoginOutcome login(Session session, String user, String password, String database) {
      return inner.login(session, user, password, database);
    }

    @Override
    public Reply execute(Session session, String sql, Map<String, Object> params) {
      return inner.execute(session, sql, params);
    }

    @Override
    public boolean forceEncryption() {
      return true;
    }
  }
}
