package io.rdswatch.agent;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.rdswatch.agent.aws.AwsIntegration;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.cloudwatch.FailureSeeds;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.config.HttpConfig;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.metrics.DrillDatums;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.http.AgentMetrics;
import io.rdswatch.agent.http.FleetHealthCheck;
import io.rdswatch.agent.http.InstanceHealthChecks;
import io.rdswatch.agent.http.InstancesResource;
import io.rdswatch.agent.http.LandingResource;
import io.rdswatch.agent.http.MetricsPageServlet;
import io.rdswatch.agent.http.ProbeResource;
import io.rdswatch.agent.http.TasksResource;
import io.rdswatch.agent.http.security.AllowedHosts;
import io.rdswatch.agent.http.security.NoJettyDebugLogging;
import io.rdswatch.agent.http.security.RequestGuard;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.StaticInstanceSource;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.Poller;
import io.rdswatch.agent.poll.TimeZoneMismatchCollector;
import io.rdswatch.agent.shard.ShardInfoCollector;
import io.rdswatch.agent.shard.ShardedInstanceSource;
import io.rdswatch.agent.track.CountingStateStore;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.metrics.BuildInfoCollector;
import io.rdswatch.exporter.metrics.FleetRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;

/**
 * The agent as a Dropwizard application. Never started through Dropwizard's own argparse CLI: the
 * JCommander front (`rdswatch agent`, `rdswatch demo`) runs it through {@link AgentServer}.
 */
public final class RdswatchApplication extends Application<AgentConfiguration> {

  private final Clock clock;
  private final boolean schedulePolls;
  private volatile AgentRuntime runtime;
  private volatile Server server;
  private volatile DrillService drills;

  public RdswatchApplication() {
    this(Clock.systemUTC(), true);
  }

  /**
   * @param clock the agent's notion of now (tests pass the simulator's clock)
   * @param schedulePolls false to poll only when {@link io.rdswatch.agent.poll.Poller#pollOnce()}
   *     is called
   */
  public RdswatchApplication(Clock clock, boolean schedulePolls) {
    this.clock = clock;
    this.schedulePolls = schedulePolls;
  }

  @Override
  public String getName() {
    return "rdswatch";
  }

  @Override
  public void initialize(Bootstrap<AgentConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(ConfigLoader.sourceProvider());
    bootstrap.setConfigurationFactoryFactory(
        (klass, validator, mapper, prefix) -> new ConfigLoader(mapper, validator));
  }

  @Override
  public void run(AgentConfiguration config, Environment env) {
    NoJettyDebugLogging.install();
    FleetState fleet = new FleetState(clock);
    FleetRegistry registry = AgentMetrics.registry(fleet::snapshot);
    // AWS, managed before the poller: discovery's first refresh precedes the first poll.
    AwsIntegration aws =
        new AwsIntegration(
            config.getCloudwatch(),
            config.getDiscovery(),
            config.getSecretsManager(),
            AwsClientFactory.production(),
            registry);
    DrillHistory drillHistory = new DrillHistory(new DrillJournal(config.stateDir()));
    FailureSeeds failureSeeds = new FailureSeeds();
    fleet.addListener(failureSeeds);
    aws.publishFrom(fleet::snapshot, new DrillDatums(drillHistory::all), failureSeeds::current);
    env.lifecycle().manage(aws);
    InstanceSource all =
        aws.instanceSource(
            new StaticInstanceSource(config.getInstances(), aws.secrets()).targets());
    // Sharding (README "Running at scale"): poll, publish and drill only this agent's share.
    ShardedInstanceSource source = new ShardedInstanceSource(all, config.getShard());
    registry.register(new ShardInfoCollector(config.getShard()));
    registry.register(new TimeZoneMismatchCollector(fleet));
    ScheduledExecutorService ticker =
        env.lifecycle().scheduledExecutorService("rdswatch-tick").threads(1).build();
    CountingStateStore store = new CountingStateStore(new FileStateStore(config.stateDir()));
    registry.register(store);
    Poller poller =
        new Poller(
            source,
            config.getPoll(),
            config.coverageSettings(),
            store,
            fleet,
            clock,
            ticker,
            schedulePolls);
    env.lifecycle().manage(poller);

    guard(config, env);
    env.servlets()
        .addServlet("metrics", new MetricsPageServlet(registry, fleet::snapshot))
        .addMapping("/metrics");
    String version = BuildInfoCollector.fromResource(BuildInfoCollector.DEFAULT_RESOURCE).version();
    env.jersey().register(new LandingResource(fleet, version));
    env.jersey().register(new InstancesResource(fleet));
    env.jersey().register(new TasksResource(fleet));
    env.jersey().register(new ProbeResource());

    // Restore drills: schedules, recovery of unfinished drills, /api/drills, /drills.
    drills =
        DrillWiring.install(
            config, env, all, source::owns, drillHistory, clock, registry, schedulePolls);

    fleet.addListener(new InstanceHealthChecks(env.healthChecks()));
    env.healthChecks().register(FleetHealthCheck.NAME, new FleetHealthCheck(fleet));

    env.lifecycle().addServerLifecycleListener(started -> server = started);
    runtime = new AgentRuntime(fleet, poller, registry);
  }

  /** Host check, credentials and the body cap, in front of everything on both ports. */
  private static void guard(AgentConfiguration config, Environment env) {
    HttpConfig http = config.getHttp();
    AllowedHosts hosts =
        AllowedHosts.of(List.of(http.getBind(), http.getAdminBind()), http.getAllowedHosts());
    String token = config.getApi().token();
    env.servlets()
        .addFilter(
            "rdswatch-guard",
            new RequestGuard(RequestGuard.Port.APPLICATION, hosts, token, http.getBasicAuthUsers()))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    env.admin()
        .addFilter(
            "rdswatch-guard",
            new RequestGuard(RequestGuard.Port.ADMIN, hosts, token, http.getBasicAuthUsers()))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
  }

  /** Set once {@link #run} has wired the agent. */
  public AgentRuntime runtime() {
    return runtime;
  }

  /** Set once {@link #run} has wired the agent; tests call its tick(). */
  public DrillService drills() {
    return drills;
  }

  /** Set once Jetty has started. */
  Server server() {
    return server;
  }
}
