package io.vigil.bench.report;

import io.vigil.bench.stats.Samples;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws latency distributions as a latency-by-percentile chart (as HdrHistogram plots them): the x
 * axis in "nines" (0, 90, 99, 99.9 % equally spaced), the y axis in milliseconds on a log scale,
 * one curve per series, so a tail a hundred times longer than the median is visible. Plain Java2D,
 * headless, no network.
 */
public final class LatencyChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final double MAX_NINES = 3; // 99.9 %
  private static final List<Color> COLORS =
      List.of(
          new Color(0xd6, 0x27, 0x28), new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c));

  private final String title;
  private final Map<String, long[]> series = new LinkedHashMap<>();

  public LatencyChart(String title) {
    this.title = title;
  }

  /** Adds a curve: {@code sortedNanos} ascending, one per sample. */
  public LatencyChart add(String name, long[] sortedNanos) {
    series.put(name, sortedNanos);
    return this;
  }

  /** Renders the chart. */
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double[] decades = decades();
    axes(g, decades[0], decades[1]);
    int i = 0;
    for (Map.Entry<String, long[]> s : series.entrySet()) {
      Color color = COLORS.get(i % COLORS.size());
      curve(g, s.getValue(), decades[0], decades[1], color);
      legend(g, i, s.getKey(), s.getValue(), color);
      i++;
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 30);
    g.dispose();
    return image;
  }

  /** Renders to a PNG file. */
  public void write(Path png) throws IOException {
    ImageIO.write(render(), "png", png.toFile());
  }

  /** The log10 range of the y axis: whole decades around every sample, in milliseconds. */
  private double[] decades() {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (long[] s : series.values()) {
      if (s.length > 0) {
        lo = Math.min(lo, Math.floor(Math.log10(Math.max(s[0], 1_000) / 1e6)));
        hi = Math.max(hi, Math.ceil(Math.log10(Math.max(s[s.length - 1], 1_000) / 1e6)));
      }
    }
    if (lo == Double.MAX_VALUE) {
      return new double[] {0, 1};
    }
    return new double[] {lo, Math.max(hi, lo + 1)};
  }

  private void axes(Graphics2D g, double lo, double hi) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double d = lo; d <= hi; d++) {
      int y = y(Math.pow(10, d), lo, hi);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      String label = d >= 0 ? String.format("%,.0f ms", Math.pow(10, d)) : Math.pow(10, d) + " ms";
      g.drawString(label, 8, y + 4);
    }
    String[] ticks = {"0%", "90%", "99%", "99.9%"};
    for (int n = 0; n <= MAX_NINES; n++) {
      int x = x(n);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
      g.setColor(Color.DARK_GRAY);
      g.drawString(ticks[n], x - 12, HEIGHT - BOTTOM + 18);
    }
    int x50 = x(nines(0.5));
    g.drawString("50%", x50 - 10, HEIGHT - BOTTOM + 18);
    g.drawString(
        "percentile (of pages, each timed from the moment its alert was sent)",
        LEFT + 250,
        HEIGHT - 15);
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
  }

  private void curve(Graphics2D g, long[] sorted, double lo, double hi, Color color) {
    if (sorted.length == 0) {
      return;
    }
    Path2D.Double path = new Path2D.Double();
    int steps = 600;
    for (int k = 0; k <= steps; k++) {
      double nines = MAX_NINES * k / steps;
      double q = 1 - Math.pow(10, -nines);
      long v = Samples.percentile(sorted, Math.max(q * 100, 1e-9));
      double px = x(nines);
      double py = y(Math.max(v, 1_000) / 1e6, lo, hi);
      if (k == 0) {
        path.moveTo(px, py);
      } else {
        path.lineTo(px, py);
      }
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(2.2f));
    g.draw(path);
    g.setStroke(new BasicStroke(1f));
  }

  private void legend(Graphics2D g, int index, String name, long[] sorted, Color color) {
    Samples.Summary s = Samples.Summary.of(sorted);
    int y = TOP + 20 + index * 20;
    g.setColor(color);
    g.fillRect(LEFT + 12, y - 10, 14, 10);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(
        String.format(
            Locale.ROOT,
            "%s — %,d pages: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
            name,
            s.count(),
            s.p50Ms(),
            s.p99Ms(),
            s.maxMs()),
        LEFT + 32,
        y);
  }

  /** How many nines a quantile has: 0.9 → 1, 0.99 → 2. */
  static double nines(double q) {
    return -Math.log10(1 - q);
  }

  private static int x(double nines) {
    return (int) Math.round(LEFT + (WIDTH - LEFT - RIGHT) * Math.min(nines, MAX_NINES) / MAX_NINES);
  }

  private static int y(double ms, double lo, double hi) {
    double f = (Math.log10(ms) - lo) / (hi - lo);
    return (int) Math.round(HEIGHT - BOTTOM - f * (HEIGHT - TOP - BOTTOM));
  }
}
