package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TaskIdSetPropertyTest {

  /** Positive: add that id; negative -n: settle everything through n. */
  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(-60, 60).filter(i -> i != 0).list().ofMaxSize(80);
  }

  @Property(tries = 500)
  void behavesLikeASetOfIdsAndStaysCompact(@ForAll("operations") List<Integer> ops) {
    TaskIdSet set = TaskIdSet.none();
    TreeSet<Long> reference = new TreeSet<>();
    long settledThrough = -1;
    for (int op : ops) {
      if (op > 0) {
        set = set.with(op);
        reference.add((long) op);
      } else {
        set = set.settledThrough(-op);
        settledThrough = Math.max(settledThrough, -op);
      }
    }
    for (long id = 0; id <= 62; id++) {
      boolean expected = id <= settledThrough || reference.contains(id);
      assertThat(set.contains(id)).as("id %d in %s", id, set).isEqualTo(expected);
    }
    long previousLast = set.through();
    for (TaskIdSet.Range r : set.ranges()) {
      assertThat(r.first())
          .as("ranges are disjoint, sorted, not adjacent: %s", set)
          .isGreaterThan(previousLast + 1);
      previousLast = r.last();
    }
  }

  @Test
  void contiguousIdsCollapseIntoTheWatermark() {
    TaskIdSet set = TaskIdSet.none().settledThrough(9).with(12).with(11).with(10);
    assertThat(set).isEqualTo(new TaskIdSet(12, List.of()));
  }
}
