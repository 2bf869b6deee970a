package io.rdswatch.agent.http.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the PEM files of `http.tls` while Jetty runs and swaps in the new key pair when either
 * changes. A half-written or broken pair is logged and the old one kept, so a renewal that goes
 * wrong never takes the endpoint down.
 */
final class PemReloader implements LifeCycle.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(PemReloader.class);

  private final SslContextFactory.Server factory;
  private final HttpTlsConfig tls;
  private ScheduledExecutorService timer;
  private List<FileTime> seen;

  PemReloader(SslContextFactory.Server factory, HttpTlsConfig tls) {
    this.factory = factory;
    this.tls = tls;
  }

  @Override
  public synchronized void lifeCycleStarted(LifeCycle event) {
    seen = modified();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rdswatch-tls-reload");
              t.setDaemon(true);
              return t;
            });
    long every = tls.reloadInterval().toMillis();
    timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void lifeCycleStopping(LifeCycle event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void check() {
    List<FileTime> now = modified();
    if (now.equals(seen)) {
      return;
    }
    seen = now;
    try {
      factory.reload(f -> f.setKeyStore(PemKeyStore.load(tls.certFile(), tls.keyFile())));
      LOG.info("http.tls: reloaded {} and {}", tls.certFile(), tls.keyFile());
    } catch (Exception e) {
      LOG.warn(
          "http.tls: keeping the current certificate, the changed files are not usable: {}",
          e.getMessage());
    }
  }

  private List<FileTime> modified() {
    try {
      return List.of(
          Files.getLastModifiedTime(tls.certFile()), Files.getLastModifiedTime(tls.keyFile()));
    } catch (IOException e) {
      return List.of();
    }
  }
}
