package io.vigil.ticketstore.console;

import io.vigil.ticketstore.sla.SlaReports.SlaRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the SLA dashboard's charts as SVG geometry, server-side: per service a bar pair (MTTA,
 * MTTR) for each priority, and a weekly trend line of each; heights scale to the largest value in
 * the chart, which the axis names.
 */
final class SlaCharts {

  static final int WIDTH = 720;
  static final int HEIGHT = 220;
  static final int LEFT = 60;
  static final int BOTTOM = 30;
  static final int TOP = 16;

  private SlaCharts() {}

  /** A drawn bar with its text alternative. */
  record Bar(double x, double y, double width, double height, String css, String label) {}

  /** A label under the axis. */
  record AxisLabel(double x, String text) {}

  /** A bar chart of one service. */
  record BarChart(String serviceId, String max, List<Bar> bars, List<AxisLabel> labels) {}

  /** A trend chart of one service: two polylines over the weeks. */
  record TrendChart(
      String serviceId, String max, String mtta, String mttr, List<AxisLabel> labels) {}

  static BarChart bars(String serviceId, List<SlaRow> rows) {
    double max = 1;
    for (SlaRow r : rows) {
      max = Math.max(max, Math.max(value(r.mttaMillis()), value(r.mttrMillis())));
    }
    double slot = (double) (WIDTH - LEFT) / Math.max(1, rows.size());
    double barWidth = Math.min(40, slot / 3);
    List<Bar> bars = new ArrayList<>();
    List<AxisLabel> labels = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SlaRow r = rows.get(i);
      double x = LEFT + slot * i + slot / 2 - barWidth;
      bars.add(bar(x, barWidth, r.mttaMillis(), max, "mtta", r.priority() + " MTTA"));
      bars.add(bar(x + barWidth, barWidth, r.mttrMillis(), max, "mttr", r.priority() + " MTTR"));
      labels.add(new AxisLabel(LEFT + slot * i + slot / 2, r.priority()));
    }
    return new BarChart(serviceId, minutes(max), bars, labels);
  }

  /** One week's means of a service, either possibly null. */
  record Week(String label, Long mttaMillis, Long mttrMillis) {}

  static TrendChart trend(String serviceId, List<Week> weeks) {
    double max = 1;
    for (Week w : weeks) {
      max = Math.max(max, Math.max(value(w.mttaMillis()), value(w.mttrMillis())));
    }
    double step = (double) (WIDTH - LEFT - 20) / Math.max(1, weeks.size() - 1);
    StringBuilder mtta = new StringBuilder();
    StringBuilder mttr = new StringBuilder();
    List<AxisLabel> labels = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      double x = LEFT + step * i;
      point(mtta, x, weeks.get(i).mttaMillis(), max);
      point(mttr, x, weeks.get(i).mttrMillis(), max);
      labels.add(new AxisLabel(x, weeks.get(i).label()));
    }
    return new TrendChart(
        serviceId, minutes(max), mtta.toString().trim(), mttr.toString().trim(), labels);
  }

  /** A duration in milliseconds as minutes with one decimal, or a dash. */
  static String minutes(Number millis) {
    return millis == null
        ? "-"
        : String.format(Locale.ROOT, "%.1f min", millis.doubleValue() / 60_000);
  }

  private static Bar bar(double x, double width, Long millis, double max, String css, String what) {
    double h = value(millis) / max * (HEIGHT - BOTTOM - TOP);
    return new Bar(
        round(x),
        round(HEIGHT - BOTTOM - h),
        round(width),
        round(h),
        css,
        what + ": " + minutes(millis));
  }

  private static void point(StringBuilder line, double x, Long millis, double max) {
    if (millis != null) {
      double y = HEIGHT - BOTTOM - millis / max * (HEIGHT - BOTTOM - TOP);
      line.append(round(x)).append(',').append(round(y)).append(' ');
    }
  }

  private static double value(Long millis) {
    return millis == null ? 0 : millis;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
