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
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Task rows deflated together into one byte array, and back, field for field. Finished tasks of one
 * instance repeat themselves (the same progress lines, names and ARNs), so they shrink to about a
 * tenth: some 130 bytes a row on RDS instead of 1.3 KB.
 */
final class RowBlock {

  private RowBlock() {}

  static byte[] deflate(List<TaskRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      out.writeInt(rows.size());
      for (TaskRow r : rows) {
        out.writeLong(r.taskId());
        text(out, r.taskTypeRaw());
        out.writeShort(r.taskType() == null ? -1 : r.taskType().ordinal());
        text(out, r.database());
        out.writeInt(r.percentComplete());
        out.writeInt(r.durationMinutes());
        text(out, r.lifecycleRaw());
        out.writeShort(r.lifecycle() == null ? -1 : r.lifecycle().ordinal());
        text(out, r.taskInfo());
        instant(out, r.lastUpdated());
        instant(out, r.createdAt());
        text(out, r.s3ObjectArn());
        out.writeBoolean(r.overwriteS3BackupFile());
        text(out, r.kmsMasterKeyArn());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  static List<TaskRow> inflate(byte[] block) {
    if (block.length == 0) {
      return List.of();
    }
    Inflater inflater = new Inflater();
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(block), inflater))) {
      int n = in.readInt();
      List<TaskRow> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long id = in.readLong();
        String typeRaw = text(in);
        int type = in.readShort();
        String database = text(in);
        int percent = in.readInt();
        int duration = in.readInt();
        String lifecycleRaw = text(in);
        int lifecycle = in.readShort();
        rows.add(
            new TaskRow(
                id,
                typeRaw,
                type < 0 ? null : TaskType.values()[type],
                database,
                percent,
                duration,
                lifecycleRaw,
                lifecycle < 0 ? null : Lifecycle.values()[lifecycle],
                text(in),
                instant(in),
                instant(in),
                text(in),
                in.readBoolean(),
                text(in)));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("retained task rows are corrupt", e);
    } finally {
      inflater.end();
    }
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }
  }

  private static String text(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }
}
