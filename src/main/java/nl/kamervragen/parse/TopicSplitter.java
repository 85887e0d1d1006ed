package nl.kamervragen.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.model.Topic;

/**
 * Splits an {@code Onderwerpen} value, labels joined by single spaces, back into labels.
 *
 * <p>Labels contain spaces themselves, so this matches the longest vocabulary label first at each
 * word. Consecutive words that match no label are kept together as one unknown topic, so joining
 * the result with spaces always gives back the (whitespace-normalised) input.
 */
public final class TopicSplitter {

  private final TopicVocabulary vocabulary;

  public TopicSplitter(TopicVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public List<Topic> split(String value) {
    String normalized = value.strip();
    List<Topic> topics = new ArrayList<>();
    if (normalized.isEmpty()) {
      return topics;
    }
    String[] words = words(normalized);
    List<String> unknown = new ArrayList<>();
    int i = 0;
    while (i < words.length) {
      int matched = longestLabelAt(words, i);
      if (matched == 0) {
        unknown.add(words[i]);
        i++;
        continue;
      }
      flushUnknown(unknown, topics);
      String label = join(words, i, i + matched);
      topics.add(new Topic(label, true, vocabulary.themeOf(label)));
      i += matched;
    }
    flushUnknown(unknown, topics);
    return topics;
  }

  /**
   * The words of a stripped value: what {@code split("\\s+")} gives, found in one scan (the
   * regex split and the checks that avoided it were a third of the topic split).
   */
  static String[] words(String value) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Texts.isRegexSpace(value.charAt(i))) {
        if (i > start) {
          words.add(value.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (start < value.length()) {
      words.add(value.substring(start));
    }
    return words.toArray(new String[0]);
  }

  private static String join(String[] words, int from, int to) {
    if (to - from == 1) {
      return words[from];
    }
    StringBuilder joined = new StringBuilder(words[from]);
    for (int i = from + 1; i < to; i++) {
      joined.append(' ').append(words[i]);
    }
    return joined.toString();
  }

  /** The word count of the longest label at {@code start}: extends the words only while some label goes on. */
  private int longestLabelAt(String[] words, int start) {
    StringBuilder candidate = new StringBuilder(words[start]);
    int longest = vocabulary.contains(words[start]) ? 1 : 0;
    for (int end = start + 1; end < words.length && vocabulary.isLabelPrefix(candidate.toString()); end++) {
      candidate.append(' ').append(words[end]);
      if (vocabulary.contains(candidate.toString())) {
        longest = end - start + 1;
      }
    }
    return longest;
  }

  private static void flushUnknown(List<String> unknown, List<Topic> topics) {
    if (!unknown.isEmpty()) {
      topics.add(new Topic(String.join(" ", unknown), false, Optional.empty()));
      unknown.clear();
    }
  }
}
