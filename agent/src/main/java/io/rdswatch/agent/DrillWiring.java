package io.rdswatch.agent;

import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.drill.http.DrillsPage;
import io.rdswatch.agent.drill.http.DrillsResource;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.metrics.DrillSummary;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.run.JdbcDrillConnections;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.exporter.metrics.DrillCollector;
import io.rdswatch.exporter.metrics.OrphanScanCollector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.function.Predicate;

/**
 * Builds the drill machinery from the agent's configuration, the same way for the agent and the
 * CLI.
 */
public final class DrillWiring {

  private DrillWiring() {}

  public static DrillContext context(
      AgentConfiguration config,
      InstanceSource instances,
      DrillJournal journal,
      InstantSource clock,
      Pacer pacer) {
    return new DrillContext(
        DrillSettings.from(config.getDrills()),
        instances,
        new JdbcDrillConnections(
            new SqlConnector(config.getPoll().timeout()), config.getDrills().timeout()),
        journal,
        clock,
        pacer,
        new SecureRandom(),
        DrillContext.thisProcess());
  }

  /**
   * Adds drills to the running agent: the managed service (schedules, recovery, orphan scan), the
   * rdswatch_drill_* collector, /api/drills and /drills.
   *
   * @param instances every instance, so that a schedule's targetInstance may be on another shard
   * @param owns the source instances this agent drills: its shard
   * @param history shared with the CloudWatch publisher's drill datums
   * @param ticking false when the agent runs without its own schedule (tests call tick())
   */
  public static DrillService install(
      AgentConfiguration config,
      Environment env,
      InstanceSource instances,
      Predicate<String> owns,
      DrillHistory history,
      Clock clock,
      CollectorRegistry registry,
      boolean ticking) {
    DrillContext ctx = context(config, instances, history.journal(), clock, Pacer.sleeping());
    DrillService service =
        new DrillService(
            new DrillPlans(config.getDrills()), new DrillRunner(ctx), history, true, ticking, owns);
    env.lifecycle().manage(service);
    registry.register(
        new DrillCollector(
            new DrillSummary(
                history::all, history::pruned, service::orphans, service::scratchLeft)));
    registry.register(new OrphanScanCollector(service::orphanScanTimeouts));
    env.jersey().register(new DrillsResource(history, service));
    env.jersey().register(new DrillsPage(history, clock));
    return service;
  }
}
