package io.rdswatch.simulator.rds;

import static io.rdswatch.simulator.rds.TestInstances.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rdswatch.simulator.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaceTest {

  @Test
  void unevenWorkAndTimeAreInverses() {
    for (double w = 0; w <= 1.0001; w += 0.05) {
      assertThat(Pace.UNEVEN.work(Pace.UNEVEN.time(w))).isCloseTo(w, within(1e-9));
      assertThat(Pace.STEADY.time(w)).isCloseTo(w, within(1e-9));
    }
    assertThat(Pace.UNEVEN.work(0.25)).isCloseTo(0.5, within(1e-9));
    assertThat(Pace.UNEVEN.work(1)).isCloseTo(1, within(1e-9));
  }

  @Test
  void anUnevenTaskRushesThenCrawlsAndTaskInfoStampsEachStepWhenReached() {
    ManualClock clock = new ManualClock(TestInstances.T0);
    RdsInstance rds = TestInstances.create(clock);
    rds.pace(Pace.UNEVEN);
    TaskRow created = rds.procedures().backup(BackupRequest.full("Sales", arn("u.bak")));
    clock.advance(Duration.ofMillis(60_000 + 51_200)); // a quarter of the 204.8 s run
    TaskRow quarter = rds.taskRow(created.taskId());
    assertThat(quarter.percentComplete())
        .as("half the work in a quarter of the time")
        .isEqualTo(50);
    assertThat(quarter.taskInfo())
        .contains(
            "[2026-11-27 00:01:05.120] 5 percent processed.",
            "[2026-11-27 00:01:51.200] 50 percent processed.");

    clock.advance(Duration.ofMillis(51_200)); // half the run: 50% + 25/75 of the rest
    assertThat(rds.taskRow(created.taskId()).percentComplete()).isEqualTo(65);
    clock.advance(Duration.ofMinutes(5));
    assertThat(rds.taskRow(created.taskId()).lifecycle()).isEqualTo(Lifecycle.SUCCESS);
  }
}
