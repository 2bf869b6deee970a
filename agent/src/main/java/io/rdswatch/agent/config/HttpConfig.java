package io.rdswatch.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.Range;

/**
 * The `http` section. The application port serves /metrics, /api/* and the landing page; the admin
 * port (Dropwizard's admin connector: health checks, threads, ping) binds to the same address.
 * Port 0 picks a free port, which tests use.
 */
public final class HttpConfig {

  @JsonProperty @NotBlank private String bind = "127.0.0.1";

  @JsonProperty
  @Range(min = 0, max = 65535)
  private int port = 9860;

  @JsonProperty
  @Range(min = 0, max = 65535)
  private int adminPort = 9861;

  public String getBind() {
    return bind;
  }

  public int getPort() {
    return port;
  }

  public int getAdminPort() {
    return adminPort;
  }

  public HttpConfig withPorts(String bind, int port, int adminPort) {
    HttpConfig copy = new HttpConfig();
    copy.bind = bind;
    copy.port = port;
    copy.adminPort = adminPort;
    return copy;
  }
}
