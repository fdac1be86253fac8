package io.vigil.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackProcessesTest {

  @Test
  void rssIsTheVmRssLineInBytes() {
    String status = "Name:\tjava\nVmPeak:\t 4000 kB\nVmRSS:\t  253412 kB\nThreads:\t40\n";

    assertThat(StackProcesses.parseVmRss(status)).hasValue(253_412L * 1024);
    assertThat(StackProcesses.parseVmRss("Name:\tkthreadd\n")).isEmpty();
  }

  @Test
  void cpuTicksAreUserPlusSystemCountedAfterACommandNameWithSpaces() {
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 567 0 0 20 0 40 0 100 0";

    assertThat(StackProcesses.parseCpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void aComponentIsFoundByItsPidFileWhileItsProcessLives(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("classifier.pid"), ProcessHandle.current().pid() + "\n");
    Files.writeString(run.resolve("notifier.pid"), "999999999\n");
    StackProcesses stack = new StackProcesses(run);

    assertThat(stack.pid("classifier")).hasValue(ProcessHandle.current().pid());
    assertThat(stack.pid("notifier")).isEmpty();
    assertThat(stack.pid("kafka")).isEmpty();
    assertThat(stack.rss()).containsOnlyKeys("classifier");
    assertThat(stack.rss().get("classifier")).isPositive();
    assertThat(stack.cpuSeconds().get("classifier")).isPositive();
  }
}
