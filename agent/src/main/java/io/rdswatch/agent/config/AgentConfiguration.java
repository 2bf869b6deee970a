package io.rdswatch.agent.config;

import io.rdswatch.agent.instance.TlsConfig;
import io.rdswatch.agent.poll.PollConfig;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.ServerFactory;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.drill.config.ApiConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.track.CoverageSettings;
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

  /** AWS sections; each checks itself in {@link ConfigValidator}. */
  @JsonProperty @NotNull private CloudWatchConfig cloudwatch = new CloudWatchConfig();

  @JsonProperty @NotNull private DiscoveryConfig discovery = new DiscoveryConfig();

  @JsonProperty @NotNull private SecretsManagerConfig secretsManager = new SecretsManagerConfig();

  /** Restore-verification drills and the API token; checked in {@link ConfigValidator}. */
  @JsonProperty @NotNull private DrillsConfig drills = new DrillsConfig();

  @JsonProperty @NotNull private ApiConfig api = new ApiConfig();

  /** Which share of the fleet this agent owns; checked in {@link ConfigValidator}. */
  @JsonProperty @NotNull private ShardConfig shard = new ShardConfig();
  /** The trust store for the whole fleet (README "Connecting with TLS"); instances and discovery may override. */
  @JsonProperty private TlsConfig tls;
  /** Which databases must have a native FULL backup; checked in {@link ConfigValidator}. */
  @JsonProperty @NotNull private CoverageConfig coverage = new CoverageConfig();

  @JsonIgnore private ServerFactory serverFactory;

  public TlsConfig getTls() {
    return tls;
  }

  public AgentConfiguration withTls(TlsConfig fleetTls) {
    this.tls = fleetTls;
    return this;
  }

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

  public CloudWatchConfig getCloudwatch() {
    return cloudwatch;
  }

  public DiscoveryConfig getDiscovery() {
    return discovery;
  }

  public SecretsManagerConfig getSecretsManager() {
    return secretsManager;
  }

  public DrillsConfig getDrills() {
    return drills;
  }

  public ApiConfig getApi() {
    return api;
  }

  public CoverageConfig getCoverage() {
    return coverage;
  }

  /** The coverage settings, with the drills' scratch prefix; call after validation passed. */
  public CoverageSettings coverageSettings() {
    return coverage.settings(drills.getScratchPrefix());
  }

  public AgentConfiguration withCoverage(CoverageConfig coverage) {
    this.coverage = coverage;
    return this;
  }

  public ShardConfig getShard() {
    return shard;
  }

  public AgentConfiguration withShard(ShardConfig shard) {
    this.shard = shard;
    return this;
  }

  public AgentConfiguration withDrills(DrillsConfig drills) {
    this.drills = drills;
    return this;
  }

  public AgentConfiguration withApi(ApiConfig api) {
    this.api = api;
    return this;
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
