package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

  @Test
  void everyLineEndSplitsAndAFinalOneLeavesAnEmptyLine() {
    assertEquals(List.of(""), DocumentText.lines(""));
    assertEquals(List.of("a"), DocumentText.lines("a"));
    assertEquals(List.of("a", ""), DocumentText.lines("a\n"));
    assertEquals(List.of("a", ""), DocumentText.lines("a\r\n"));
    assertEquals(List.of("a", ""), DocumentText.lines("a\r"));
    assertEquals(List.of("a", "b", "c"), DocumentText.lines("a\rb\nc"));
    assertEquals(List.of("a", "", "b"), DocumentText.lines("a\r\rb"));
    assertEquals(List.of("a", "", "b", ""), DocumentText.lines("a\r\n\r\nb\r"));
    assertEquals(List.of("", ""), DocumentText.lines("\r"));
  }

  @Test
  void byteOrderMarkGoesNoBreakSpacesBecomeSpacesTrailingSpaceGoes() {
    assertEquals(List.of("x", "y"), DocumentText.lines("\uFEFFx \u00A0\r\ny"));
    assertEquals(List.of("a", "b  c"), DocumentText.lines("a \t\nb\u00A0\u00A0c\u00A0"));
  }
}
