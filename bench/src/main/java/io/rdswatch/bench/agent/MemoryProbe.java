package io.rdswatch.bench.agent;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Figure 4: the live heap (what is left after a full GC) and the resident set of this JVM, read
 * from /proc/self/status. The RSS includes everything the OS charges for: heap as committed,
 * metaspace, code cache, thread stacks, direct buffers.
 */
final class MemoryProbe {

  private MemoryProbe() {}

  static Map<String, Object> measure() throws IOException {
    System.gc(); // a full, stop-the-world collection with G1 unless ExplicitGCInvokesConcurrent
    long afterFullGc = heapAfterLastFullGc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("heapAfterFullGcBytes", afterFullGc >= 0 ? afterFullGc : heap.getUsed());
    out.put("heapCommittedBytes", heap.getCommitted());
    out.put("heapMaxBytes", heap.getMax());
    out.put("nonHeapUsedBytes", nonHeap.getUsed());
    out.put("rssBytes", procStatusKb("VmRSS") * 1024);
    out.put("peakRssBytes", procStatusKb("VmHWM") * 1024);
    out.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    out.put("topClasses", topClasses(15));
    out.put("nativeMemory", nativeMemory());
    return out;
  }

  /**
   * Committed native memory by category, when the JVM runs with -XX:NativeMemoryTracking=summary.
   */
  static List<String> nativeMemory() {
    String text = diagnostic("vmNativeMemory", "summary");
    return text.lines()
        .map(String::strip)
        .filter(l -> l.startsWith("-") || l.startsWith("Total"))
        .map(l -> l.replaceAll("\\s+", " "))
        .toList();
  }

  /**
   * The head of the live-object histogram (jcmd GC.class_histogram), to see what the heap holds.
   */
  static List<String> topClasses(int lines) {
    return diagnostic("gcClassHistogram")
        .lines()
        .skip(1)
        .limit(lines + 1)
        .map(String::strip)
        .toList();
  }

  /** A jcmd command run in-process through the DiagnosticCommand MBean. */
  private static String diagnostic(String command, String... args) {
    try {
      return ManagementFactory.getPlatformMBeanServer()
          .invoke(
              new ObjectName("com.sun.management:type=DiagnosticCommand"),
              command,
              new Object[] {args},
              new String[] {String[].class.getName()})
          .toString();
    } catch (JMException e) {
      return command + " unavailable: " + e.getMessage();
    }
  }

  /**
   * Heap in use right after the most recent full collection, from its GcInfo; -1 if none is known.
   */
  private static long heapAfterLastFullGc() {
    for (java.lang.management.GarbageCollectorMXBean bean :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof GarbageCollectorMXBean gc && bean.getName().contains("Old")) {
        GcInfo info = gc.getLastGcInfo();
        if (info != null) {
          return info.getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> isHeapPool(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed())
              .sum();
        }
      }
    }
    return -1;
  }

  private static boolean isHeapPool(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(
            p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
  }

  private static long procStatusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
      }
    }
    throw new IOException("/proc/self/status has no " + field);
  }
}
