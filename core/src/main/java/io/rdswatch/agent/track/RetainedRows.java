package io.rdswatch.agent.track;

import io.rdswatch.agent.sql.RowKey;
import io.rdswatch.exporter.model.TaskRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The rows of the last successful poll, kept for /api/tasks in a compact form. On RDS a task's
 * task_info grows a line per 5% of progress, some 1.2 KB per task: kept verbatim, 1,000 instances
 * with 200 tasks each held 240 MB of it (bench figure 4). A finished task never changes again, so
 * finished rows are deflated together into one {@link RowBlock} per instance; rows still moving,
 * and the few that finished since the block was built, are kept as they are until {@link
 * #REBUILD_AFTER} have finished. Whether a finished row is already kept is told from its id and its
 * {@link RowKey}, never by reading its text again. {@link #rows()} gives back exactly the rows that
 * were polled, in poll order, those a poll held rather than read among them by id (RDS lists by
 * id). Immutable.
 */
final class RetainedRows {

  static final RetainedRows NONE =
      new RetainedRows(new byte[0], new long[0], new long[0], new long[0], List.of());

  /** Finished rows outside the block that make the next poll rebuild it (a few per hour on RDS). */
  static final int REBUILD_AFTER = 16;

  private final byte[] block;
  private final long[] blockIds; // sorted
  private final long[] blockKeys; // RowKey signature of each, by blockIds' index
  private final long[] order; // task ids as polled
  private final List<TaskRow> loose;

  private RetainedRows(
      byte[] block, long[] blockIds, long[] blockKeys, long[] order, List<TaskRow> loose) {
    this.block = block;
    this.blockIds = blockIds;
    this.blockKeys = blockKeys;
    this.order = order;
    this.loose = loose;
  }

  /** Whether the block holds this finished task with this key (see {@code KnownRows}). */
  boolean holds(RowKey key) {
    int at = Arrays.binarySearch(blockIds, key.taskId());
    return at >= 0 && blockKeys[at] == key.signature();
  }

  /**
   * The rows of a new poll: finished rows already in the block stay there; the others are kept
   * loose.
   */
  RetainedRows next(List<TaskRow> polled) {
    return next(polled, Set.of());
  }

  /**
   * @param read the rows a full read read
   * @param held ids of the finished rows it listed but did not read because {@link #holds} said the
   *     block holds them as they are
   */
  RetainedRows next(List<TaskRow> read, Set<Long> held) {
    long[] heldIds = sorted(held);
    long[] newOrder = new long[read.size() + heldIds.length];
    int[] at = {0};
    inListedOrder(
        read,
        heldIds,
        i -> newOrder[at[0]++] = read.get(i).taskId(),
        j -> newOrder[at[0]++] = heldIds[j]);
    List<TaskRow> newLoose = new ArrayList<>();
    int looseFinished = 0;
    for (TaskRow r : read) {
      if (!inBlock(r)) {
        newLoose.add(r);
        looseFinished += r.lifecycle().isTerminal() ? 1 : 0;
      }
    }
    if (looseFinished >= REBUILD_AFTER) {
      return rebuilt(read, heldIds, newOrder);
    }
    return new RetainedRows(block, blockIds, blockKeys, newOrder, List.copyOf(newLoose));
  }

  /**
   * The rows after a narrow read: those kept at or below {@code watermark} that the read did not
   * return (settled, so unchanged), plus the read's own rows, in task id order.
   */
  RetainedRows merged(List<TaskRow> narrow, long watermark) {
    if (holdsAlready(narrow, watermark)) {
      return this; // the usual steady poll: nothing moved
    }
    Set<Long> fresh = new HashSet<>();
    narrow.forEach(r -> fresh.add(r.taskId()));
    Map<Long, TaskRow> looseById = new HashMap<>();
    loose.forEach(r -> looseById.put(r.taskId(), r));
    List<TaskRow> rows = new ArrayList<>(order.length + narrow.size());
    Set<Long> inBlock = new HashSet<>();
    for (long id : order) {
      if (id > watermark || fresh.contains(id)) {
        continue;
      }
      TaskRow kept = looseById.get(id);
      if (kept != null) {
        rows.add(kept);
      } else if (Arrays.binarySearch(blockIds, id) >= 0) {
        inBlock.add(id);
      }
    }
    rows.addAll(narrow);
    rows.sort(Comparator.comparingLong(TaskRow::taskId));
    return next(rows, inBlock);
  }

  /** Whether the rows kept above the watermark are exactly these, in this order, as they are. */
  private boolean holdsAlready(List<TaskRow> narrow, long watermark) {
    int first = 0;
    while (first < order.length && order[first] <= watermark) {
      first++;
    }
    if (order.length - first != narrow.size()) {
      return false;
    }
    for (int i = 0; i < narrow.size(); i++) {
      TaskRow r = narrow.get(i);
      if (order[first + i] != r.taskId() || !(loose.contains(r) || inBlock(r))) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many rows a full read read disagree with what is kept: a task at or below the highest id
   * kept that is not kept at all, or a finished task whose key differs. Tasks kept but gone from
   * the read (left RDS's history, or held rather than read) are not differences; rows still moving
   * may differ.
   */
  int differences(List<TaskRow> read) {
    if (order.length == 0) {
      return 0;
    }
    long highest = Arrays.stream(order).max().getAsLong();
    Set<Long> kept = new HashSet<>();
    Arrays.stream(order).forEach(kept::add);
    Map<Long, TaskRow> looseById = new HashMap<>();
    loose.forEach(r -> looseById.put(r.taskId(), r));
    int differences = 0;
    for (TaskRow r : read) {
      if (r.taskId() > highest) {
        continue;
      }
      TaskRow looseRow = looseById.get(r.taskId());
      boolean same;
      if (!kept.contains(r.taskId())) {
        same = false;
      } else if (looseRow != null) {
        same =
            !looseRow.lifecycle().isTerminal()
                || RowKey.of(looseRow).signature() == RowKey.of(r).signature();
      } else {
        same = holds(RowKey.of(r));
      }
      differences += same ? 0 : 1;
    }
    return differences;
  }

  /** The rows as polled, task_info and all. */
  List<TaskRow> rows() {
    Map<Long, TaskRow> byId = new HashMap<>(order.length * 2);
    for (TaskRow r : RowBlock.inflate(block)) {
      byId.put(r.taskId(), r);
    }
    for (TaskRow r : loose) {
      byId.put(r.taskId(), r);
    }
    List<TaskRow> out = new ArrayList<>(order.length);
    for (long id : order) {
      out.add(byId.get(id));
    }
    return out;
  }

  /** How many rows are kept, without inflating any. */
  int size() {
    return order.length;
  }

  /** Rows kept outside the block (for tests). */
  int looseRows() {
    return loose.size();
  }

  /** Bytes held for the rows (for tests and sizing), not counting the loose rows' objects. */
  long blockBytes() {
    return block.length;
  }

  private boolean inBlock(TaskRow r) {
    return r.lifecycle().isTerminal() && holds(RowKey.of(r));
  }

  /** A new block with every finished row of this poll; rows still moving stay loose. */
  private RetainedRows rebuilt(List<TaskRow> read, long[] heldIds, long[] order) {
    Map<Long, TaskRow> kept = new HashMap<>();
    if (heldIds.length > 0) {
      RowBlock.inflate(block).forEach(r -> kept.put(r.taskId(), r));
    }
    List<TaskRow> finished = new ArrayList<>();
    List<TaskRow> moving = new ArrayList<>();
    for (TaskRow r : read) {
      (r.lifecycle().isTerminal() ? finished : moving).add(r);
    }
    for (long id : heldIds) {
      finished.add(kept.get(id));
    }
    finished.sort((a, b) -> Long.compare(a.taskId(), b.taskId()));
    long[] ids = new long[finished.size()];
    long[] keys = new long[finished.size()];
    for (int i = 0; i < ids.length; i++) {
      TaskRow r = finished.get(i);
      ids[i] = r.taskId();
      keys[i] = RowKey.of(r).signature();
      if (i > 0 && ids[i] == ids[i - 1]) {
        // a duplicate id (a misbehaving server) cannot be told apart by id: keep this poll as it
        // came
        List<TaskRow> all = new ArrayList<>(order.length);
        inListedOrder(read, heldIds, j -> all.add(read.get(j)), j -> all.add(kept.get(heldIds[j])));
        return new RetainedRows(new byte[0], new long[0], new long[0], order, List.copyOf(all));
      }
    }
    return new RetainedRows(RowBlock.deflate(finished), ids, keys, order, List.copyOf(moving));
  }

  /**
   * Walks a poll in the order the server listed it: the rows read as they came, each held id before
   * the first read row with a higher id (RDS lists by id).
   */
  private static void inListedOrder(
      List<TaskRow> read, long[] heldIds, IntConsumer readRow, IntConsumer heldRow) {
    int j = 0;
    for (int i = 0; i < read.size(); i++) {
      while (j < heldIds.length && heldIds[j] < read.get(i).taskId()) {
        heldRow.accept(j++);
      }
      readRow.accept(i);
    }
    while (j < heldIds.length) {
      heldRow.accept(j++);
    }
  }

  private static long[] sorted(Set<Long> ids) {
    long[] out = ids.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
