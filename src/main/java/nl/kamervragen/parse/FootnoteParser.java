package nl.kamervragen.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.model.Footnote;

/** Finds the URL or web domain a footnote text shows. */
final class FootnoteParser {

  private static final String ELLIPSIS = "\u2026";

  private static final Pattern URL = Pattern.compile("https?://[^\\s«»\"<>()|]+");

  private static final Pattern BARE_WWW =
      Pattern.compile("(?<![\\p{L}\\d./@-])www\\.[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+");

  private FootnoteParser() {}

  static Footnote parse(int number, String text) {
    // Most footnotes name no link: the regexes run only where the text they need occurs.
    Matcher url = text.contains("http") ? URL.matcher(text) : null;
    if (url != null && url.find()) {
      String shown = stripTrailingPunctuation(url.group());
      return new Footnote(number, text, Optional.of(shown), hostOf(shown));
    }
    Matcher www = text.contains("www.") ? BARE_WWW.matcher(text) : null;
    if (www != null && www.find()) {
      String host = stripTrailingPunctuation(www.group());
      return new Footnote(number, text, Optional.empty(), Optional.of(host.toLowerCase(Locale.ROOT)));
    }
    return new Footnote(number, text, Optional.empty(), Optional.empty());
  }

  private static String stripTrailingPunctuation(String url) {
    int end = url.length();
    while (end > 0 && ".,;:!?'".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }

  /** The host of a URL, unless the publisher's 70-character cut went through the host itself. */
  static Optional<String> hostOf(String url) {
    int cut = url.indexOf(ELLIPSIS);
    int hostStart = url.indexOf("://") + 3;
    int pathStart = url.indexOf('/', hostStart);
    int hostEnd = pathStart < 0 ? url.length() : pathStart;
    if (cut >= 0 && cut <= hostEnd) {
      return Optional.empty();
    }
    String wholeHost = url.substring(0, hostEnd);
    try {
      String host = new URI(wholeHost).getHost();
      return host == null || !host.contains(".")
          ? Optional.empty()
          : Optional.of(host.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
