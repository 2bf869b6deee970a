package io.rdswatch.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process from /proc/PID/stat (utime + stime, in clock ticks of 10 ms on
 * Linux). Coarse, so only used over spans of seconds: the simulator's cost, and the scheduled
 * agent's.
 */
final class ProcStat {

  /** USER_HZ is 100 on every Linux the JDK supports. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStat() {}

  static long cpuNanos(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
    }
    // the command name (field 2) may hold spaces; fields after its closing parenthesis are plain
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) * NANOS_PER_TICK;
  }

  /**
   * Bytes the process has written through write(2) and friends, sockets included (/proc/PID/io
   * wchar).
   */
  static long writtenBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
        if (line.startsWith("wchar:")) {
          return Long.parseLong(line.substring(6).trim());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the I/O counters of process " + pid + ": " + e.getMessage(), e);
    }
    throw new IllegalStateException("/proc/" + pid + "/io has no wchar line");
  }
}
