package io.vigil.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The local stack's processes as {@code deploy/local/vigil} left them ({@code
 * .vigil/run/<name>.pid}), their resident memory from {@code /proc/<pid>/status} (RSS, as {@code
 * ps} reports it) and the CPU time they used from {@code /proc/<pid>/stat}.
 */
public final class StackProcesses {

  /** The components, in the order tables list them. */
  public static final List<String> COMPONENTS =
      List.of(
          "kafka",
          "schema-registry",
          "alert-ingest",
          "classifier",
          "escalation",
          "notifier",
          "ticket-store");

  /** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}; 100 on Linux). */
  private static final double TICKS = 100.0;

  private final Path runDir;

  public StackProcesses(Path runDir) {
    this.runDir = runDir;
  }

  /** The pid of a component, if its pid file exists and the process is alive. */
  public OptionalLong pid(String component) {
    Path file = runDir.resolve(component + ".pid");
    try {
      if (!Files.exists(file)) {
        return OptionalLong.empty();
      }
      long pid = Long.parseLong(Files.readString(file).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
          ? OptionalLong.of(pid)
          : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** RSS in bytes of every running component (missing ones left out). */
  public Map<String, Long> rss() {
    Map<String, Long> all = new LinkedHashMap<>();
    for (String c : COMPONENTS) {
      pid(c).ifPresent(pid -> rssOf(pid).ifPresent(bytes -> all.put(c, bytes)));
    }
    return all;
  }

  /** RSS in bytes of one process, from the {@code VmRSS} line of its status. */
  public static OptionalLong rssOf(long pid) {
    try {
      return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** CPU seconds (user + system) every running component has used so far. */
  public Map<String, Double> cpuSeconds() {
    Map<String, Double> all = new LinkedHashMap<>();
    for (String c : COMPONENTS) {
      pid(c).ifPresent(pid -> cpuSecondsOf(pid).ifPresent(s -> all.put(c, s)));
    }
    return all;
  }

  /** CPU seconds (user + system) one process has used, from {@code /proc/<pid>/stat}. */
  public static OptionalDouble cpuSecondsOf(long pid) {
    try {
      return OptionalDouble.of(
          parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS);
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line, in clock ticks; counted
   * after the command name, which is in parentheses and may hold spaces.
   */
  static long parseCpuTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** The {@code VmRSS: 123456 kB} line of a {@code /proc/<pid>/status} text, in bytes. */
  static OptionalLong parseVmRss(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }
}
