package nl.kamervragen.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kamervragen.reference.ShippedFile;

/**
 * The government topic taxonomies (OWMS and TOOI), merged: each label with its parent theme.
 *
 * <p>File format: one label per line, {@code * label} for a theme, indented {@code label} for a
 * child of the theme above, {@code #} for comments. When a label occurs in both files, the first
 * file read decides its theme.
 */
public final class TopicVocabulary {

  private static final List<String> DEFAULT_RESOURCES =
      List.of("/nl/kamervragen/topics/topics-owms.txt", "/nl/kamervragen/topics/topics-tooi.txt");

  private final Map<String, String> themeByLabel;
  private final Set<String> labelPrefixes;
  private final int maxWords;

  private TopicVocabulary(Map<String, String> themeByLabel) {
    this.themeByLabel = Map.copyOf(themeByLabel);
    Set<String> prefixes = new HashSet<>();
    for (String label : themeByLabel.keySet()) {
      for (int space = label.indexOf(' '); space > 0; space = label.indexOf(' ', space + 1)) {
        prefixes.add(label.substring(0, space));
      }
    }
    this.labelPrefixes = Set.copyOf(prefixes);
    this.maxWords =
        themeByLabel.keySet().stream().mapToInt(l -> l.split(" ").length).max().orElse(1);
  }

  /** The vocabularies shipped with kamervragen. */
  public static TopicVocabulary standard() {
    List<String> lines = new ArrayList<>();
    for (String resource : DEFAULT_RESOURCES) {
      lines.addAll(ShippedFile.lines(resource, "topic vocabulary"));
    }
    return fromLines(lines);
  }

  /** Builds a vocabulary from lines in the vocabulary file format. */
  public static TopicVocabulary fromLines(List<String> lines) {
    Map<String, String> themeByLabel = new LinkedHashMap<>();
    String theme = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("*")) {
        theme = normalize(line.substring(1));
        themeByLabel.putIfAbsent(theme, theme);
      } else {
        String label = normalize(line);
        themeByLabel.putIfAbsent(label, theme == null ? label : theme);
      }
    }
    return new TopicVocabulary(themeByLabel);
  }

  private static String normalize(String label) {
    return label.strip().replaceAll("\\s+", " ");
  }

  /** The theme of a known label, or empty when the label is not in the vocabulary. */
  public Optional<String> themeOf(String label) {
    return Optional.ofNullable(themeByLabel.get(label));
  }

  public boolean contains(String label) {
    return themeByLabel.containsKey(label);
  }

  /** Whether some label starts with these words followed by more words, e.g. {@code cultuur en}. */
  public boolean isLabelPrefix(String words) {
    return labelPrefixes.contains(words);
  }

  /** The number of words in the longest label. */
  public int maxWords() {
    return maxWords;
  }

  public int size() {
    return themeByLabel.size();
  }
}
