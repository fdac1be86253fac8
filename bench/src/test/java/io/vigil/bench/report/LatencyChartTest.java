package io.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyChartTest {

  private static long[] millis(int from, int to) {
    long[] v = new long[to - from + 1];
    for (int i = 0; i < v.length; i++) {
      v[i] = (from + i) * 1_000_000L;
    }
    return v;
  }

  @Test
  void writesAPngWithOneCurvePerSeriesInItsColour(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("latency.png");

    new LatencyChart("test")
        .add("Vigil", millis(20, 400))
        .add("Alertmanager", millis(1, 9))
        .write(png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(LatencyChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(LatencyChart.HEIGHT);
    assertThat(countPixels(image, 0xd62728)).as("Vigil's red").isGreaterThan(500);
    assertThat(countPixels(image, 0x1f77b4)).as("Alertmanager's blue").isGreaterThan(500);
  }

  @Test
  void anEmptyChartStillRenders() {
    assertThat(new LatencyChart("nothing").render().getWidth()).isEqualTo(LatencyChart.WIDTH);
  }

  @Test
  void theXAxisCountsNines() {
    assertThat(LatencyChart.nines(0.9)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(LatencyChart.nines(0.999)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
