package io.rdswatch.agent.track;

import io.rdswatch.agent.sql.KnownRows;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of the last successful poll, kept for /api/tasks in a compact form. On RDS a task's
 * task_info grows a line per 5% of progress, some 1.2 KB per task: kept verbatim, 1,000 instances
 * with 200 tasks each held 240 MB of it (bench figure 4). A finished task never changes again, so
 * finished rows are deflated together into one {@link RowBlock} per instance; rows still moving,
 * and the few that finished since the block was built, are kept as they are until {@link
 * #REBUILD_AFTER} have finished. Whether a finished row is already kept is told from its id and a
 * signature of its small fields, never by reading its text again. {@link #rows()} gives back
 * exactly the rows that were polled, in poll order. Immutable.
 */
final class RetainedRows {

  static final RetainedRows NONE =
      new RetainedRows(new byte[0], new long[0], new long[0], new long[0], new long[0], List.of());
  /** Finished rows outside the block that make the next poll rebuild it (a few per hour on RDS). */
  static final int REBUILD_AFTER = 16;

  private final byte[] block;
  private final long[] blockIds; // sorted
  private final long[] blockSignatures; // by blockIds' index
  private final long[] blockLeading; // KnownRows.signature of each, by blockIds' index
  private final long[] order; // task ids as polled
  private final List<TaskRow> loose;

  private RetainedRows(byte[] block, long[] blockIds, long[] blockSignatures, long[] blockLeading, long[] order,
      List<TaskRow> loose) {
    this.block = block;
    this.blockIds = blockIds;
    this.blockSignatures = blockSignatures;
    this.blockLeading = blockLeading;
    this.order = order;
    this.loose = loose;
  }

  /** Whether the block holds this finished task with these leading fields (see {@link KnownRows}). */
  boolean unchangedFinished(long taskId, long leadingSignature) {
    int at = Arrays.binarySearch(blockIds, taskId);
    return at >= 0 && blockLeading[at] == leadingSignature;
  }

  /** The rows of a new poll: finished rows already in the block stay there; the others are kept loose. */
  RetainedRows next(List<TaskRow> polled) {
    return next(polled, Set.of());
  }

  /**
   * @param standIns ids of rows the parser gave as stand-ins because {@link #unchangedFinished}
   *     said the block holds them as they are
   */
  RetainedRows next(List<TaskRow> polled, Set<Long> standIns) {
    long[] newOrder = new long[polled.size()];
    List<TaskRow> newLoose = new ArrayList<>();
    int looseFinished = 0;
    for (int i = 0; i < polled.size(); i++) {
      TaskRow r = polled.get(i);
      newOrder[i] = r.taskId();
      if (!standIns.contains(r.taskId()) && !inBlock(r)) {
        newLoose.add(r);
        looseFinished += r.lifecycle().isTerminal() ? 1 : 0;
      }
    }
    if (looseFinished >= REBUILD_AFTER) {
      return rebuilt(polled, standIns, newOrder);
    }
    return new RetainedRows(block, blockIds, blockSignatures, blockLeading, newOrder, List.copyOf(newLoose));
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
    List<TaskRow> polled = new ArrayList<>(order.length + narrow.size());
    Set<Long> standIns = new HashSet<>();
    for (long id : order) {
      if (id > watermark || fresh.contains(id)) {
        continue;
      }
      TaskRow kept = looseById.get(id);
      if (kept != null) {
        polled.add(kept);
      } else if (Arrays.binarySearch(blockIds, id) >= 0) {
        polled.add(standIn(id));
        standIns.add(id);
      }
    }
    polled.addAll(narrow);
    polled.sort(Comparator.comparingLong(TaskRow::taskId));
    return next(polled, standIns);
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
   * How many rows of a full read disagree with what is kept: a task at or below the highest id kept
   * that is not kept at all, or a finished task whose small fields differ. Tasks kept but gone from
   * the full read have left RDS's history and are not differences; rows still moving may differ.
   */
  int differences(List<TaskRow> full, Set<Long> standIns) {
    if (order.length == 0) {
      return 0;
    }
    long highest = Arrays.stream(order).max().getAsLong();
    Set<Long> kept = new HashSet<>();
    Arrays.stream(order).forEach(kept::add);
    Map<Long, TaskRow> looseById = new HashMap<>();
    loose.forEach(r -> looseById.put(r.taskId(), r));
    int differences = 0;
    for (TaskRow r : full) {
      if (r.taskId() > highest || standIns.contains(r.taskId())) {
        continue;
      }
      TaskRow looseRow = looseById.get(r.taskId());
      boolean same;
      if (!kept.contains(r.taskId())) {
        same = false;
      } else if (looseRow != null) {
        same = !looseRow.lifecycle().isTerminal() || leading(looseRow) == leading(r);
      } else {
        same = unchangedFinished(r.taskId(), leading(r));
      }
      differences += same ? 0 : 1;
    }
    return differences;
  }

  private static long leading(TaskRow r) {
    return KnownRows.signature(r.taskTypeRaw(), r.database(), r.percentComplete(), r.durationMinutes(),
        r.lifecycleRaw());
  }

  /** A placeholder for a finished row the block holds; only its id and finished-ness are looked at. */
  private static TaskRow standIn(long id) {
    return new TaskRow(id, null, TaskType.parse(null), null, 0, 0, Lifecycle.SUCCESS.name(), Lifecycle.SUCCESS,
        null, null, null, null, false, null);
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
    if (!r.lifecycle().isTerminal()) {
      return false;
    }
    int at = Arrays.binarySearch(blockIds, r.taskId());
    return at >= 0 && blockSignatures[at] == signature(r);
  }

  /** A new block with every finished row of this poll; rows still moving stay loose. */
  private RetainedRows rebuilt(List<TaskRow> polled, Set<Long> standIns, long[] order) {
    Map<Long, TaskRow> kept = new HashMap<>();
    if (!standIns.isEmpty()) {
      RowBlock.inflate(block).forEach(r -> kept.put(r.taskId(), r));
    }
    List<TaskRow> finished = new ArrayList<>();
    List<TaskRow> moving = new ArrayList<>();
    for (TaskRow r : polled) {
      if (r.lifecycle().isTerminal()) {
        finished.add(standIns.contains(r.taskId()) ? kept.get(r.taskId()) : r);
      } else {
        moving.add(r);
      }
    }
    finished.sort((a, b) -> Long.compare(a.taskId(), b.taskId()));
    long[] ids = new long[finished.size()];
    long[] signatures = new long[finished.size()];
    long[] leading = new long[finished.size()];
    for (int i = 0; i < ids.length; i++) {
      TaskRow r = finished.get(i);
      ids[i] = r.taskId();
      signatures[i] = signature(r);
      leading[i] = leading(r);
      if (i > 0 && ids[i] == ids[i - 1]) {
        // a duplicate id (a misbehaving server) cannot be told apart by id: keep this poll as it came
        List<TaskRow> all = polled.stream().map(p -> standIns.contains(p.taskId()) ? kept.get(p.taskId()) : p).toList();
        return new RetainedRows(new byte[0], new long[0], new long[0], new long[0], order, all);
      }
    }
    return new RetainedRows(RowBlock.deflate(finished), ids, signatures, leading, order, List.copyOf(moving));
  }

  /** The small fields of a finished row, which change if RDS ever rewrites it; cheap: no text is read. */
  private static long signature(TaskRow r) {
    long h = Objects.hashCode(r.lifecycleRaw());
    h = 31 * h + Objects.hashCode(r.taskTypeRaw());
    h = 31 * h + Objects.hashCode(r.database());
    h = 31 * h + r.percentComplete();
    h = 31 * h + r.durationMinutes();
    h = 31 * h + epochNanos(r.lastUpdated());
    h = 31 * h + epochNanos(r.createdAt());
    h = 31 * h + length(r.taskInfo());
    h = 31 * h + length(r.s3ObjectArn());
    h = 31 * h + length(r.kmsMasterKeyArn());
    return 31 * h + (r.overwriteS3BackupFile() ? 1 : 0);
  }

  private static long epochNanos(java.time.Instant t) {
    return t == null ? -1 : t.getEpochSecond() * 1_000_000_007L + t.getNano();
  }

  private static int length(String s) {
    return s == null ? -1 : s.length();
  }
}
