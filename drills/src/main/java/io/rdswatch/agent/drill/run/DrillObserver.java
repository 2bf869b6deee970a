package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;

/**
 * Told after every journal write of a drill; the CLI draws its progress bar from it. Called on the
 * drill's thread, so it must be quick and must not keep the record.
 */
@FunctionalInterface
public interface DrillObserver {

  DrillObserver NONE = r -> {};

  void saved(DrillRecord record);
}
