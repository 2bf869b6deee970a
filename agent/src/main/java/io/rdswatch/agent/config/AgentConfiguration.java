package io.rdswatch.agent.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.ServerFactory;
import io.rdswatch.agent.aws.AwsSections;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.drill.config.ApiConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.instance.TlsConfig;
import io.rdswatch.agent.poll.PollConfig;
import io.rdswatch.agent.shard.ShardConfig;
import io.rdswatch.agent.track.CoverageConfig;
import io.rdswatch.agent.track.CoverageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * rdswatch's YAML configuration. Each section is its own small class, owned by the module that uses
 * it; the features' sections (cloudwatch, discovery, secretsManager, drills, api) and the core's
 * coverage and shard are {@link ConfigSection}s, listed by {@link #sections()} and checked by
 * {@link ConfigValidator} (README "Architecture"). Load it only through {@link ConfigLoader}, which
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

  /** AWS sections; each checks itself as a {@link ConfigSection}. */
  @JsonProperty @NotNull private CloudWatchConfig cloudwatch = new CloudWatchConfig();

  @JsonProperty @NotNull private DiscoveryConfig discovery = new DiscoveryConfig();

  @JsonProperty @NotNull private SecretsManagerConfig secretsManager = new SecretsManagerConfig();

  /**
   * Restore-verification drills and the API token; each checks itself as a {@link ConfigSection}.
   */
  @JsonProperty @NotNull private DrillsConfig drills = new DrillsConfig();

  @JsonProperty @NotNull private ApiConfig api = new ApiConfig();

  /** Which share of the fleet this agent owns; checks itself as a {@link ConfigSection}. */
  @JsonProperty @NotNull private ShardConfig shard = new ShardConfig();

  /**
   * The trust store for the whole fleet (README "Connecting with TLS"); instances and discovery may
   * override.
   */
  @JsonProperty private TlsConfig tls;

  /** Which databases must have a native FULL backup; checks itself as a {@link ConfigSection}. */
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

  /** The AWS feature's three sections together. */
  public AwsSections aws() {
    return new AwsSections(cloudwatch, discovery, secretsManager);
  }

  /**
   * The sections that check themselves, by YAML key. A missing (null) section is left out: Bean
   * Validation reports it.
   */
  public Map<String, ConfigSection> sections() {
    Map<String, ConfigSection> sections = new LinkedHashMap<>();
    sections.put("cloudwatch", cloudwatch);
    sections.put("discovery", discovery);
    // the instances' secret ARNs are judged even when the section itself is missing
    sections.put(
        "secretsManager", secretsManager != null ? secretsManager : new SecretsManagerConfig());
    sections.put("drills", drills);
    sections.put("api", api);
    sections.put("coverage", coverage);
    sections.put("shard", shard);
    sections.values().removeIf(Objects::isNull);
    return sections;
  }

  /**
   * What the sections' rules may ask about the rest of the file: the static instances, and whether
   * discovery adds more.
   */
  public ConfigFacts facts() {
    return new ConfigFacts(instances, discovery != null && discovery.isEnabled());
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
