package io.rdswatch.agent.sql;

/**
 * Bounds a task_info kept in memory and served by the API. RDS appends a line per progress step,
 * and a task that keeps failing and retrying can grow it without limit; its head (what started) and
 * tail (how it ended) are what the failure classifier and people read.
 */
public final class TaskInfo {

  public static final int MAX_CHARS = 64 * 1024;
  private static final int HALF = MAX_CHARS / 2;

  private TaskInfo() {}

  public static String capped(String info) {
    if (info == null || info.length() <= MAX_CHARS) {
      return info;
    }
    int cut = info.length() - 2 * HALF;
    return info.substring(0, HALF)
        + "\n[... "
        + cut
        + " characters cut by rdswatch ...]\n"
        + info.substring(info.length() - HALF);
  }
}
