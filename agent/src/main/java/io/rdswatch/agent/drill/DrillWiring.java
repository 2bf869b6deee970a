package io.rdswatch.agent.drill;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.run.JdbcDrillConnections;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.target.InstanceSource;
import java.security.SecureRandom;
import java.time.InstantSource;

/** Builds the drill context from the agent's configuration, the same way for the agent and the CLI. */
public final class DrillWiring {

  private DrillWiring() {}

  public static DrillContext context(AgentConfiguration config, InstanceSource instances, InstantSource clock,
      Pacer pacer) {
    return new DrillContext(
        DrillSettings.from(config.getDrills()),
        instances,
        new JdbcDrillConnections(new SqlConnector(config.getPoll().timeout()), config.getDrills().timeout()),
        new DrillJournal(config.stateDir()),
        clock,
        pacer,
        new SecureRandom(),
        DrillContext.thisProcess());
  }
}
