package io.vigil.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** The median over runs of one figure, ignoring runs that lack it (NaN when none has it). */
public final class Median {

  private Median() {}

  /** The median of {@code values} (the mean of the middle two for an even count). */
  public static double of(double... values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /** The median of {@code figure} over the non-null {@code items}. */
  public static <T> double over(List<T> items, ToDoubleFunction<T> figure) {
    return of(items.stream().filter(Objects::nonNull).mapToDouble(figure).toArray());
  }
}
