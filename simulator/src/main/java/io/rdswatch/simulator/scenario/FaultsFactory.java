package io.rdswatch.simulator.scenario;

import static io.rdswatch.simulator.scenario.InstanceFactory.field;

import io.rdswatch.simulator.rds.CheckdbFault;
import io.rdswatch.simulator.rds.ColumnFault;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.scenario.InstanceSpec.ColumnFaultSpec;
import io.rdswatch.simulator.scenario.InstanceSpec.FaultSpec;
import java.time.Duration;

/** The faults an instance starts with, from its scenario section. */
final class FaultsFactory {

  private FaultsFactory() {}

  static Faults build(FaultSpec spec, String at) {
    Faults faults = new Faults();
    if (spec == null) {
      return faults;
    }
    faults.down(Boolean.TRUE.equals(spec.down()));
    faults.loginFailure(Boolean.TRUE.equals(spec.loginFailure()));
    if (spec.latencyMs() != null) {
      field(at + ".latency_ms", () -> faults.latency(Duration.ofMillis(spec.latencyMs())));
    }
    if (spec.dropAfterRows() != null) {
      field(at + ".drop_after_rows", () -> faults.dropAfterRows(spec.dropAfterRows()));
    }
    if (spec.statusColumns() != null) {
      faults.statusColumns(columns(spec.statusColumns(), at + ".status_columns"));
    }
    faults.taskStatusFunctionMissing(Boolean.TRUE.equals(spec.taskStatusFunctionMissing()));
    if (spec.checkdb() != null) {
      faults.checkdb(field(at + ".checkdb", () -> CheckdbFault.parse(spec.checkdb())), -1);
    }
    return faults;
  }

  private static ColumnFault columns(ColumnFaultSpec c, String at) {
    int set =
        (c.missing() != null ? 1 : 0) + (c.extra() != null ? 1 : 0) + (c.renamed() != null ? 1 : 0);
    if (set != 1) {
      throw new ScenarioException(at + ": give exactly one of missing, extra or renamed");
    }
    if (c.missing() != null) {
      return field(at + ".missing", () -> ColumnFault.missing(c.missing()));
    }
    if (c.extra() != null) {
      return field(at + ".extra", () -> ColumnFault.extra(c.extra()));
    }
    return field(at + ".renamed", () -> ColumnFault.renamed(c.renamed().from(), c.renamed().to()));
  }
}
