package nl.kamervragen.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Position;

/**
 * Splits a header value such as {@code A (minister x, y en z) (CDA), B (VVD), C} into persons.
 *
 * <p>Ministry names contain commas, so persons are split on commas outside parentheses and a role
 * list is split on the position words, never on commas.
 */
public final class PersonListParser {

  /** Longest first, so that "minister zonder portefeuille" is not read as "minister". */
  private static final Pattern POSITION =
      Pattern.compile(
          "(?<![\\p{L}-])(minister zonder portefeuille|viceminister-president|minister-president"
              + "|staatssecretaris|minister)(?![\\p{L}-])");

  /**
   * Parses a comma-separated person list.
   *
   * @param value the header value, possibly empty
   * @param warnings receives one sentence per oddity that was read past
   */
  public List<Person> parse(String value, Consumer<String> warnings) {
    List<Person> persons = new ArrayList<>();
    for (String part : splitOutsideParentheses(value)) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        if (!value.isBlank()) {
          warnings.accept("empty person in list '" + value.strip() + "'");
        }
        continue;
      }
      persons.add(parsePerson(trimmed, warnings));
    }
    return persons;
  }

  private static List<String> splitOutsideParentheses(String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  private static Person parsePerson(String text, Consumer<String> warnings) {
    Deque<String> groups = new ArrayDeque<>();
    if (count(text, '(') != count(text, ')')) {
      warnings.accept("unbalanced parentheses in '" + text + "'");
    }
    String rest = text;
    while (rest.endsWith(")")) {
      int open = matchingOpen(rest);
      if (open < 0) {
        break;
      }
      groups.addFirst(rest.substring(open + 1, rest.length() - 1));
      rest = rest.substring(0, open).strip();
    }
    List<Position> positions = new ArrayList<>();
    Optional<String> party = Optional.empty();
    for (String group : groups) {
      String content = group.strip();
      if (startsWithPosition(content)) {
        positions.addAll(parsePositions(content));
      } else if (!content.isEmpty()) {
        if (party.isPresent()) {
          warnings.accept("'" + text + "' has more than one party group; kept '" + content + "'");
        }
        party = Optional.of(content);
      }
    }
    if (rest.isEmpty()) {
      warnings.accept("person without a name in '" + text + "'");
    }
    return new Person(rest, positions, party);
  }

  private static int matchingOpen(String text) {
    int depth = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean startsWithPosition(String content) {
    // Every position word starts with one of these; most groups are parties and stop here.
    if (!content.startsWith("minister") && !content.startsWith("staatssecretaris") && !content.startsWith("viceminister")) {
      return false;
    }
    Matcher m = POSITION.matcher(content);
    return m.lookingAt();
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  /** Whether the last character before {@code index} that is not white space is a comma. */
  private static boolean followsComma(String text, int index) {
    int i = index - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == ',';
  }

  /** Splits {@code viceminister-president , minister volksgezondheid, welzijn en sport}. */
  static List<Position> parsePositions(String roleList) {
    List<int[]> starts = new ArrayList<>();
    Matcher m = POSITION.matcher(roleList);
    while (m.find()) {
      // A position word starts the list or follows a comma; elsewhere it is part of a ministry name.
      if (m.start() == 0 || followsComma(roleList, m.start())) {
        starts.add(new int[] {m.start(), m.end()});
      }
    }
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int[] current = starts.get(i);
      int ministryEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] : roleList.length();
      String title = roleList.substring(current[0], current[1]);
      String ministry = roleList.substring(current[1], ministryEnd).strip();
      if (ministry.endsWith(",")) {
        ministry = ministry.substring(0, ministry.length() - 1).strip();
      }
      positions.add(
          new Position(title, ministry.isEmpty() ? Optional.empty() : Optional.of(ministry)));
    }
    return positions;
  }
}
