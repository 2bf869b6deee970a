package io.rdswatch.agent.http.security;

import io.dropwizard.jetty.HttpsConnectorFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Dropwizard's HTTPS connector, fed from PEM files instead of a Java key store, and re-reading them
 * when they change ({@link PemReloader}).
 */
public final class PemHttpsConnectorFactory extends HttpsConnectorFactory {

  private final HttpTlsConfig tls;

  public PemHttpsConnectorFactory(HttpTlsConfig tls) {
    this.tls = tls;
    setKeyManagerPassword(PemKeyStore.PASSWORD);
  }

  @Override
  protected SslContextFactory.Server configureSslContextFactory(SslContextFactory factory) {
    SslContextFactory.Server server = super.configureSslContextFactory(factory);
    server.setKeyStore(PemKeyStore.load(tls.certFile(), tls.keyFile()));
    server.setKeyStorePassword(PemKeyStore.PASSWORD);
    server.addEventListener(new PemReloader(server, tls));
    return server;
  }
}
