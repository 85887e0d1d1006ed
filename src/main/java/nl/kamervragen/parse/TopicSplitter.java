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
    String[] words = normalized.split("\\s+");
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
      String label = String.join(" ", List.of(words).subList(i, i + matched));
      topics.add(new Topic(label, true, vocabulary.themeOf(label)));
      i += matched;
    }
    flushUnknown(unknown, topics);
    return topics;
  }

  private int longestLabelAt(String[] words, int start) {
    int longest = Math.min(vocabulary.maxWords(), words.length - start);
    for (int length = longest; length >= 1; length--) {
      StringBuilder candidate = new StringBuilder(words[start]);
      for (int j = start + 1; j < start + length; j++) {
        candidate.append(' ').append(words[j]);
      }
      if (vocabulary.contains(candidate.toString())) {
        return length;
      }
    }
    return 0;
  }

  private static void flushUnknown(List<String> unknown, List<Topic> topics) {
    if (!unknown.isEmpty()) {
      topics.add(new Topic(String.join(" ", unknown), false, Optional.empty()));
      unknown.clear();
    }
  }
}
