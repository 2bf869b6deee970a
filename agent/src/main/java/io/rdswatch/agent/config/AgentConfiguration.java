package io.rdswatch.agent.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.ServerFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * rdswatch's YAML configuration. Each section is its own small class; later sections (cloudwatch,
 * discovery, drills, api) are added as fields here. Load it only through {@link ConfigLoader}, which
 * substitutes ${VAR}, rejects unknown keys and lists every rule broken.
 *
 * <p>Dropwizard's own `server` section is not accepted: the server is derived from {@code http}
 * (see {@link HttpServerFactories}). `logging` keeps Dropwizard's meaning.
 */
public class AgentConfiguration extends Configuration {

  @JsonProperty @Valid @NotNull private HttpConfig http = new HttpConfig();

  @JsonProperty @Valid @NotNull private PollConfig poll = new PollConfig();

  @JsonProperty @NotBlank private String stateDir = "/var/lib/rdswatch";

  @JsonProperty @Valid @NotNull private List<InstanceConfig> instances = new ArrayList<>();

  @JsonIgnore private ServerFactory serverFactory;

  public HttpConfig getHttp() {
    return http;
  }

  public PollConfig getPoll() {
    return poll;
  }

  public Path stateDir() {
    return Path.of(stateDir);
  }

  public String getStateDir() {
    return stateDir;
  }

  public List<InstanceConfig> getInstances() {
    return instances;
  }

  public AgentConfiguration withHttp(HttpConfig http) {
    this.http = http;
    this.serverFactory = null;
    return this;
  }

  public AgentConfiguration withPoll(PollConfig poll) {
    this.poll = poll;
    return this;
  }

  public AgentConfiguration withStateDir(Path stateDir) {
    this.stateDir = stateDir.toString();
    return this;
  }

  public AgentConfiguration withInstances(List<InstanceConfig> instances) {
    this.instances = new ArrayList<>(instances);
    return this;
  }

  /** Built from {@code http} once; Dropwizard asks for it twice (configure, then build). */
  @Override
  @JsonIgnore
  public synchronized ServerFactory getServerFactory() {
    if (serverFactory == null) {
      serverFactory = HttpServerFactories.from(http);
    }
    return serverFactory;
  }

  @Override
  @JsonIgnore
  public synchronized void setServerFactory(ServerFactory factory) {
    this.serverFactory = factory;
  }
}
