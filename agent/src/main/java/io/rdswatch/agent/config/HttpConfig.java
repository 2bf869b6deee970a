package io.rdswatch.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.http.security.BasicAuthUsers;
import io.rdswatch.agent.http.security.HttpTlsConfig;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.Range;

/**
 * The `http` section. The application port serves /metrics, /api/* and the landing page; the admin
 * port (Dropwizard's admin connector: health checks, threads, ping, tasks) binds to loopback unless
 * adminBind says otherwise. Port 0 picks a free port, which tests use. TLS, basic auth and the Host
 * allow-list apply to both ports (README, Security).
 */
public final class HttpConfig {

  @JsonProperty @NotBlank private String bind = "127.0.0.1";

  @JsonProperty
  @Range(min = 0, max = 65535)
  private int port = 9860;

  @JsonProperty
  @Range(min = 0, max = 65535)
  private int adminPort = 9861;

  @JsonProperty @NotBlank private String adminBind = "127.0.0.1";

  @JsonProperty private HttpTlsConfig tls;

  @JsonProperty private Map<String, String> basicAuthUsers = new LinkedHashMap<>();

  @JsonProperty private List<String> allowedHosts = new ArrayList<>();

  public String getBind() {
    return bind;
  }

  public int getPort() {
    return port;
  }

  public int getAdminPort() {
    return adminPort;
  }

  public String getAdminBind() {
    return adminBind;
  }

  /** Null when both ports speak plain HTTP. */
  public HttpTlsConfig getTls() {
    return tls;
  }

  public Map<String, String> getBasicAuthUsers() {
    return basicAuthUsers == null ? Map.of() : basicAuthUsers;
  }

  public List<String> getAllowedHosts() {
    return allowedHosts == null ? List.of() : allowedHosts;
  }

  public HttpConfig withPorts(String bind, int port, int adminPort) {
    HttpConfig copy = new HttpConfig();
    copy.bind = bind;
    copy.port = port;
    copy.adminPort = adminPort;
    copy.adminBind = adminBind;
    copy.tls = tls;
    copy.basicAuthUsers = basicAuthUsers;
    copy.allowedHosts = allowedHosts;
    return copy;
  }

  /** Never echoes a hash: a leaked bcrypt hash can still be attacked offline. */
  void validate(String path, List<String> errors) {
    if (tls != null) {
      tls.validate(path + ".tls", errors);
    }
    getBasicAuthUsers()
        .forEach(
            (user, hash) -> {
              if (user.isBlank() || user.contains(":")) {
                errors.add(
                    path
                        + ".basicAuthUsers.'"
                        + user
                        + "': user names must not be blank or contain ':'");
              } else if (!BasicAuthUsers.isBcryptHash(hash)) {
                errors.add(
                    path
                        + ".basicAuthUsers."
                        + user
                        + ": must be a bcrypt hash such as $2y$10$... (value not shown);"
                        + " make one with: htpasswd -nbBC 10 '' PASSWORD | tr -d ':\\n'");
              }
            });
    for (int i = 0; i < getAllowedHosts().size(); i++) {
      String host = getAllowedHosts().get(i);
      if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]_-]{1,253}")) {
        errors.add(
            path
                + ".allowedHosts["
                + i
                + "]: must be a host name or address without scheme or port");
      }
    }
  }
}
