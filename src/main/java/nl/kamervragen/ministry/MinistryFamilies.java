package nl.kamervragen.ministry;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.kamervragen.reference.ShippedFile;

/**
 * Maps ministry names to families that survive cabinet changes ("veiligheid en justitie" and
 * "justitie en veiligheid" are both justitie). The mapping shipped with kamervragen is
 * {@code families.txt} next to this class, with its sources and rules; a user may give their own
 * file in the same format.
 */
public final class MinistryFamilies implements Serializable {

  private static final String RESOURCE = "/nl/kamervragen/ministry/families.txt";

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** Family by normalized ministry name. */
  private final Map<String, String> families;

  private MinistryFamilies(Map<String, String> families) {
    this.families = Map.copyOf(families);
  }

  /** The mapping shipped with kamervragen. */
  public static MinistryFamilies standard() {
    return fromLines(ShippedFile.lines(RESOURCE, "ministry family list"), RESOURCE);
  }

  /** A user's own mapping, in the format of the shipped one. */
  public static MinistryFamilies fromFile(Path file) throws IOException {
    return fromLines(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses lines of {@code family | name | name ...}; {@code #} starts a comment line.
   *
   * @throws IllegalArgumentException for a line without a name, or a name under two families
   */
  public static MinistryFamilies fromLines(List<String> lines, String source) {
    Map<String, String> families = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|");
      String family = normalize(parts[0]);
      if (parts.length < 2 || family.isEmpty()) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 'family | name | ...', got '" + line + "'");
      }
      for (int p = 1; p < parts.length; p++) {
        String name = normalize(parts[p]);
        if (name.isEmpty()) {
          throw new IllegalArgumentException(source + " line " + (i + 1) + ": an empty ministry name");
        }
        String before = families.putIfAbsent(name, family);
        if (before != null && !before.equals(family)) {
          throw new IllegalArgumentException(
              source + " line " + (i + 1) + ": '" + name + "' is in family '" + before + "' and in '" + family + "'");
        }
      }
    }
    if (families.isEmpty()) {
      throw new IllegalArgumentException(source + " maps no ministry");
    }
    return new MinistryFamilies(families);
  }

  /** The family of a ministry name the mapping knows. */
  public Optional<String> familyOf(String ministry) {
    return Optional.ofNullable(families.get(normalize(ministry)));
  }

  /** The family of a ministry: the mapped one, or the name itself for a name the mapping does not know. */
  public String familyOrSelf(String ministry) {
    return familyOf(ministry).orElse(ministry);
  }

  private static String normalize(String name) {
    return WHITE_SPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinistryFamilies other && families.equals(other.families);
  }

  @Override
  public int hashCode() {
    return families.hashCode();
  }
}
