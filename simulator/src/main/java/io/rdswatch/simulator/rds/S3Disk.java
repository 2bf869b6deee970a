package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instance's {@code D:\S3\} folder as the S3-integration tasks change it: a download adds its
 * file, a delete removes a file or a whole directory, and a LIST_FILES_ON_DISK task keeps what it
 * found for {@code rds_fn_list_file_details(task_id)}. Guarded by the instance lock.
 */
final class S3Disk {

  /** One row of rds_fn_list_file_details. */
  record FileDetail(
      String filepath, long sizeInBytes, Instant lastModifiedUtc, boolean isDirectory) {}

  private static final String ROOT = "D:\\S3\\";

  /** Upper-cased path (Windows paths compare without case) to the file. */
  private final Map<String, FileDetail> files = new TreeMap<>();

  private final Map<Integer, List<FileDetail>> listings = new HashMap<>();

  void written(String path, long bytes, Instant at) {
    files.put(key(path), new FileDetail(path, bytes, at, false));
  }

  /** A path ending in a backslash is a directory: everything below it goes. */
  void deleted(String path) {
    String k = key(path);
    if (k.endsWith("\\")) {
      files.keySet().removeIf(f -> f.startsWith(k));
    } else {
      files.remove(k);
    }
  }

  /** What a listing task found: the files, and the directories they sit in below D:\S3\. */
  void listed(int taskId, Instant at) {
    Map<String, FileDetail> out = new TreeMap<>();
    for (FileDetail f : files.values()) {
      out.put(key(f.filepath()), f);
      for (int i = f.filepath().indexOf('\\', ROOT.length());
          i > 0;
          i = f.filepath().indexOf('\\', i + 1)) {
        String dir = f.filepath().substring(0, i + 1);
        out.putIfAbsent(key(dir), new FileDetail(dir, 0, at, true));
      }
    }
    listings.put(taskId, List.copyOf(out.values()));
  }

  /** The rows a finished listing found; none for another task id. */
  List<FileDetail> listing(int taskId) {
    return new ArrayList<>(listings.getOrDefault(taskId, List.of()));
  }

  private static String key(String path) {
    return path.toUpperCase(Locale.ROOT);
  }
}
