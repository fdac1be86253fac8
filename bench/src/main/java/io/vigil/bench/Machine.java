package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line saying what the figures were measured on: CPU, cores, memory, Java, load average. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "Machine: %s, %d cores, %.0f GiB; Java %s (%s); load average at start %s; commit %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memTotalKib() / 1024.0 / 1024.0,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        loadAverage(),
        System.getenv().getOrDefault("BENCH_COMMIT", "?"));
  }

  static String loadAverage() {
    String[] f = read("/proc/loadavg").split(" ");
    return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "?";
  }

  private static String cpuModel() {
    for (String line : read("/proc/cpuinfo").split("\n")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown CPU";
  }

  private static double memTotalKib() {
    for (String line : read("/proc/meminfo").split("\n")) {
      if (line.startsWith("MemTotal:")) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }
}
