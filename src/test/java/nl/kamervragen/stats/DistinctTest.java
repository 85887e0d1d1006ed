package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistinctTest {

  @Test
  void keepsEachValueOnceInOrderOfFirstAppearance() {
    assertEquals(List.of("b", "a", "c"), Distinct.of(List.of("b", "a", "b", "c", "a")));
    assertEquals(List.of(1, 3), Distinct.of(List.of("x", "yyy", "z"), String::length));
    assertEquals(List.of(), Distinct.of(List.of()));
  }

  @Test
  void longListsGiveWhatAStreamsDistinctGives() {
    List<Integer> many = new ArrayList<>();
    IntStream.range(0, 200).forEach(i -> many.add((i * 37) % 50));
    assertEquals(many.stream().distinct().toList(), Distinct.of(many));
    assertEquals(many.stream().map(i -> i % 7).distinct().toList(), Distinct.of(many, i -> i % 7));
  }
}
