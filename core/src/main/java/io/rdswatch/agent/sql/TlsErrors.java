package io.rdswatch.agent.sql;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns mssql-jdbc's TLS failures into the cause and the fix, so the first certificate error a new
 * user meets tells them what to do (README "Connecting with TLS").
 */
final class TlsErrors {
  static final String SEE = "see README 'Connecting with TLS'";

  private TlsErrors() {}

  /**
   * The cause and fix for a TLS failure while connecting, or null when {@code e} is something else.
   *
   * @param name the name the certificate was checked against (hostNameInCertificate, else the host)
   */
  static String explain(SQLException e, String name) {
    String text = allMessages(e);
    if (text.contains("pkix path")
        || text.contains("unable to find valid certification path")
        || text.contains("certificate_unknown")
        || text.contains("trustanchors")) {
      return "the server's certificate is not trusted: add the RDS CA bundle to a trust store and set "
          + "tls.trustStore to it, "
          + SEE;
    }
    if (text.contains("failed to validate the server name")) {
      return "the server's certificate does not carry the name '"
          + name
          + "': connect to the RDS endpoint name, or "
          + "set tls.hostNameInCertificate to it when a CNAME is in front, "
          + SEE;
    }
    if (text.contains("server is not configured to support ssl")) {
      return "the server does not offer TLS but encrypt=true requires it: enable TLS on the server (RDS always "
          + "offers it; check host and port point at RDS), "
          + SEE;
    }
    if (text.contains("keystore") || text.contains("truststore") || text.contains("trust store")) {
      return "the trust store cannot be read: check tls.trustStore and its password, " + SEE;
    }
    return null;
  }

  private static String allMessages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(' ').append(t.getMessage());
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
