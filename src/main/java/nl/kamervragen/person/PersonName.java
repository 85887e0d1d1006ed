package nl.kamervragen.person;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name as a document shows it: {@code Full Name} with a forename, or a surname alone
 * ({@code Leers}, {@code van Weel}); the format has no initials. Names are compared by their slug:
 * lowercase ASCII letters and digits joined by hyphens, so that case, accents and spacing do not
 * make two people of one ({@code Joël Voordewind} and {@code Joel Voordewind}).
 */
public final class PersonName {

  // Compiled once: String.split with a pattern compiles it on every name.
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** Dutch and other name particles (tussenvoegsels): where a surname starts, never a forename. */
  private static final Set<String> PARTICLES = Set.of(
      "van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "aan", "bij", "onder", "over", "uit", "voor",
      "d'", "la", "le", "les", "du", "da", "das", "di", "do", "dos", "del", "della", "von", "vom", "zu", "zum", "zur", "el", "al");

  private PersonName() {}

  /**
   * The name's slug: {@code Dilan Yeşilgöz-Zegerius} is {@code dilan-yesilgoz-zegerius}. A loop over
   * the characters, not regular expressions: every name of every document goes through it.
   */
  public static String slug(String name) {
    StringBuilder slug = new StringBuilder(name.length());
    boolean separate = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      String letters = c < 128 ? String.valueOf(c) : latin(c);
      for (int j = 0; j < letters.length(); j++) {
        char l = Character.toLowerCase(letters.charAt(j));
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
          if (separate && slug.length() > 0) {
            slug.append('-');
          }
          separate = false;
          slug.append(l);
        } else if (Character.getType(l) != Character.NON_SPACING_MARK) {
          separate = true;
        }
      }
    }
    // A name of letters outside the Latin script keeps a key of its own, the same in every run.
    return slug.length() == 0 ? "name-" + Integer.toHexString(name.hashCode()) : slug.toString();
  }

  /** The Latin letters of a letter beyond ASCII: its base letter and marks, or a spelling of its own ({@code ø}: {@code o}). */
  private static String latin(char c) {
    return switch (Character.toLowerCase(c)) {
      case 'ß' -> "ss";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'đ' -> "d";
      case 'þ' -> "th";
      case 'ı' -> "i";
      default -> Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    };
  }

  /**
   * Whether the name has a forename: two or more words, the first a capitalised word that is not a
   * particle. {@code Ernst Kuipers} and {@code Jan Jacob van Dijk} are full names; {@code Kuipers},
   * {@code van Weel} and {@code van der Ch. Wal-Zeggelink} are surnames alone.
   */
  public static boolean isFull(String name) {
    List<String> words = words(name);
    return words.size() >= 2 && Character.isUpperCase(words.get(0).codePointAt(0)) && !isParticle(words.get(0));
  }

  /**
   * The slug of the surname: of a full name, from the first particle after the forename
   * ({@code Jan Jacob van Dijk}: {@code van-dijk}), or else its last word ({@code Ernst Kuipers}:
   * {@code kuipers}); of a surname alone, the whole name.
   */
  public static String surnameSlug(String name) {
    if (!isFull(name)) {
      return slug(name);
    }
    List<String> words = words(name);
    for (int i = 1; i < words.size(); i++) {
      if (isParticle(words.get(i))) {
        return slug(String.join(" ", words.subList(i, words.size())));
      }
    }
    return slug(words.get(words.size() - 1));
  }

  private static boolean isParticle(String word) {
    return PARTICLES.contains(word.toLowerCase(Locale.ROOT));
  }

  private static List<String> words(String name) {
    String trimmed = name.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(WHITE_SPACE.split(trimmed));
  }
}
