package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The rows of the last successful poll, kept for /api/tasks in a compact form. On RDS every task's
 * task_info grows a line per 5% of progress, some 1.2 KB per task; kept verbatim, 1,000 instances
 * with 200 tasks each held 240 MB of it (bench figure 4). Here task_info, the S3 ARN and the KMS
 * key are deflated together (to about a quarter), repeated names are shared, and a row the previous
 * poll already had is kept as it was, so only new and moving tasks are compressed. {@link #rows()}
 * gives back exactly the rows that were polled. Immutable.
 */
final class RetainedRows {

  static final RetainedRows NONE = new RetainedRows(List.of(), Map.of());

  /** One row without its bulky text, plus that text deflated and fingerprinted. */
  private record Compact(long taskId, String taskTypeRaw, TaskType taskType, String database, int percentComplete,
      int durationMinutes, String lifecycleRaw, Lifecycle lifecycle, Instant lastUpdated, Instant createdAt,
      boolean overwrite, long fingerprint, byte[] text) {

    boolean sameAs(TaskRow r, long rowFingerprint) {
      return fingerprint == rowFingerprint && percentComplete == r.percentComplete()
          && durationMinutes == r.durationMinutes() && overwrite == r.overwriteS3BackupFile()
          && Objects.equals(lifecycleRaw, r.lifecycleRaw()) && Objects.equals(taskTypeRaw, r.taskTypeRaw())
          && Objects.equals(database, r.database()) && Objects.equals(lastUpdated, r.lastUpdated())
          && Objects.equals(createdAt, r.createdAt());
    }
  }

  private final List<Compact> rows;
  private final Map<Long, Compact> byId;

  private RetainedRows(List<Compact> rows, Map<Long, Compact> byId) {
    this.rows = rows;
    this.byId = byId;
  }

  /** The rows of a new poll, reusing the compact form of every row that has not changed. */
  RetainedRows next(List<TaskRow> polled) {
    Map<String, String> names = new HashMap<>();
    List<Compact> out = new ArrayList<>(polled.size());
    Map<Long, Compact> ids = new HashMap<>(polled.size() * 2);
    for (TaskRow r : polled) {
      long fingerprint = fingerprint(r);
      Compact previous = byId.get(r.taskId());
      Compact c = previous != null && previous.sameAs(r, fingerprint) ? previous : compact(r, fingerprint, names);
      out.add(c);
      ids.put(r.taskId(), c);
    }
    return new RetainedRows(List.copyOf(out), ids);
  }

  /** The rows as polled, task_info and all. */
  List<TaskRow> rows() {
    List<TaskRow> out = new ArrayList<>(rows.size());
    for (Compact c : rows) {
      String[] text = inflate(c.text());
      out.add(new TaskRow(c.taskId(), c.taskTypeRaw(), c.taskType(), c.database(), c.percentComplete(),
          c.durationMinutes(), c.lifecycleRaw(), c.lifecycle(), text[0], c.lastUpdated(), c.createdAt(), text[1],
          c.overwrite(), text[2]));
    }
    return out;
  }

  int size() {
    return rows.size();
  }

  /** Bytes held for the texts of all rows (for tests and sizing). */
  long textBytes() {
    return rows.stream().mapToLong(c -> c.text().length).sum();
  }

  private static Compact compact(TaskRow r, long fingerprint, Map<String, String> names) {
    return new Compact(r.taskId(), shared(r.taskTypeRaw(), names), r.taskType(), shared(r.database(), names),
        r.percentComplete(), r.durationMinutes(), shared(r.lifecycleRaw(), names), r.lifecycle(), r.lastUpdated(),
        r.createdAt(), r.overwriteS3BackupFile(), fingerprint,
        deflate(r.taskInfo(), r.s3ObjectArn(), r.kmsMasterKeyArn()));
  }

  private static String shared(String s, Map<String, String> names) {
    return s == null ? null : names.computeIfAbsent(s, k -> k);
  }

  /** Tells changed text apart without inflating the old one. */
  private static long fingerprint(TaskRow r) {
    long h = 17;
    for (String s : new String[] {r.taskInfo(), r.s3ObjectArn(), r.kmsMasterKeyArn()}) {
      h = h * 1_000_003 + (s == null ? -1 : ((long) s.hashCode() << 20) ^ s.length());
    }
    return h;
  }

  private static byte[] deflate(String... texts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      for (String t : texts) {
        out.writeBoolean(t != null);
        if (t != null) {
          byte[] b = t.getBytes(StandardCharsets.UTF_8);
          out.writeInt(b.length);
          out.write(b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static String[] inflate(byte[] deflated) {
    String[] texts = new String[3];
    Inflater inflater = new Inflater();
    try (DataInputStream in = new DataInputStream(
        new InflaterInputStream(new ByteArrayInputStream(deflated), inflater))) {
      for (int i = 0; i < texts.length; i++) {
        if (in.readBoolean()) {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          texts[i] = new String(b, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("retained task rows are corrupt", e);
    } finally {
      inflater.end();
    }
    return texts;
  }
}
