package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.instance.InstanceTarget;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens a fresh JDBC connection to an instance for a drill (which keeps it for its lock). */
@FunctionalInterface
public interface DrillConnections {

  Connection open(InstanceTarget target) throws SQLException;
}
