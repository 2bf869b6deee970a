package io.rdswatch.simulator.tds;

/**
 * What PRELOGIN's ENCRYPTION option settles ([MS-TDS] 2.2.6.5), from the client's request, whether
 * the listener has a certificate, and whether the instance forces encryption (RDS's {@code
 * rds.force_ssl=1}, SQL Server's "Force Encryption").
 */
enum Encryption {
  /** No TLS at all: the server has no certificate, or neither side wants it. */
  NONE(Tds.ENCRYPT_NOT_SUP),
  /**
   * TLS for the LOGIN7 packet only, then plain TDS: a client that sent OFF to a server that has a
   * certificate.
   */
  LOGIN_ONLY(Tds.ENCRYPT_OFF),
  /** The whole session in TLS. */
  FULL(Tds.ENCRYPT_ON),
  /** The instance requires encryption but the client cannot do it: its login is refused. */
  REFUSED(Tds.ENCRYPT_REQ);

  private final int replyByte;

  Encryption(int replyByte) {
    this.replyByte = replyByte;
  }

  /** The ENCRYPTION byte of the PRELOGIN reply. */
  int replyByte() {
    return replyByte;
  }

  /**
   * @param client the client's ENCRYPTION byte, -1 when it sent none
   * @param certificate the listener can do TLS
   * @param forced the instance refuses unencrypted logins
   */
  static Encryption negotiate(int client, boolean certificate, boolean forced) {
    boolean clientCanEncrypt =
        client == Tds.ENCRYPT_OFF || client == Tds.ENCRYPT_ON || client == Tds.ENCRYPT_REQ;
    if (!certificate || !clientCanEncrypt) {
      if (forced) {
        return REFUSED;
      }
      return NONE;
    }
    if (client == Tds.ENCRYPT_OFF && !forced) {
      return LOGIN_ONLY;
    }
    return FULL;
  }
}
