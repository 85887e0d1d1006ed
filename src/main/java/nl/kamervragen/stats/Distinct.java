package nl.kamervragen.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The distinct values of a document's short lists (its members, ministries, topics), in order of
 * first appearance. The statistics take these for every document several times over; a stream with
 * {@code distinct()} builds a pipeline and a hash set each time, which cost more than the counting.
 */
final class Distinct {

  /** Past this many items a hash set beats comparing each with those already taken. */
  private static final int LINEAR_UP_TO = 16;

  private Distinct() {}

  static <T> List<T> of(List<T> items) {
    return of(items, Function.identity());
  }

  static <T, R> List<R> of(List<T> items, Function<? super T, ? extends R> value) {
    if (items.size() > LINEAR_UP_TO) {
      LinkedHashSet<R> distinct = new LinkedHashSet<>();
      for (T item : items) {
        distinct.add(value.apply(item));
      }
      return new ArrayList<>(distinct);
    }
    List<R> distinct = new ArrayList<>(items.size());
    for (T item : items) {
      R v = value.apply(item);
      if (!distinct.contains(v)) {
        distinct.add(v);
      }
    }
    return distinct;
  }
}
