package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rdswatch.exporter.model.TaskRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtaEstimatorTest {

  private final EtaEstimator eta = new EtaEstimator();

  /** Task 7 at {@code pct}, whose last_updated says it got there at T0 + {@code reachedAt} s. */
  private static List<TaskRow> at(int pct, long reachedAt) {
    return List.of(
        Rows.row(
            7, "BACKUP_DB", "Orders", "IN_PROGRESS", pct, T0, T0.plusSeconds(reachedAt), null));
  }

  private void see(int pct, long reachedAt, long pollAt) {
    eta.observe(at(pct, reachedAt), T0.plusSeconds(pollAt));
  }

  @Test
  void noEstimateUntilTwoSteps() {
    see(10, 100, 110);
    assertThat(eta.secondsLeft(7, T0.plusSeconds(110))).isNaN();
    see(10, 100, 170); // no step: same percent
    see(15, 160, 170);
    assertThat(eta.secondsLeft(7, T0.plusSeconds(170))).as("one step only").isNaN();
    see(20, 220, 230);
    // 10 points in 120 s: 80 left take 960 s, 10 s of which passed since 20% was seen
    assertThat(eta.secondsLeft(7, T0.plusSeconds(230))).isCloseTo(960, within(0.001));
  }

  @Test
  void followsTheRecentRateAndNeverGoesNegative() {
    for (int i = 0; i <= 6; i++) {
      see(5 * i, 60L * i, 60L * i); // 5% per minute
    }
    for (int i = 1; i <= 4; i++) {
      see(30 + 5 * i, 360 + 180L * i, 360 + 180L * i); // then 5% per 3 minutes
    }
    Instant now = T0.plusSeconds(360 + 720);
    // the window holds only the slow steps: 50% left at 5% per 180 s
    assertThat(eta.secondsLeft(7, now)).isCloseTo(1800, within(0.001));
    assertThat(eta.secondsLeft(7, now.plusSeconds(5000))).isZero();
  }

  @Test
  void forgetsTasksThatEnded() {
    see(5, 0, 0);
    eta.observe(
        List.of(Rows.row(7, "BACKUP_DB", "Orders", "SUCCESS", 100, T0, T0, null)),
        T0.plusSeconds(60));
    assertThat(eta.followed()).isZero();
  }
}
