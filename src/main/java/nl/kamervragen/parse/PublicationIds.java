package nl.kamervragen.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the ids and URLs of the official publications say: the case number, the parliamentary year. */
final class PublicationIds {

  private static final Pattern ID_IN_URL = Pattern.compile(".*/([^/]+?)\\.html?");
  static final Pattern CASE_NUMBER_IN_ID = Pattern.compile("kv-[a-z]+-(\\d{4}Z\\d{5})");
  private static final Pattern PARLIAMENTARY_YEAR = Pattern.compile("ah-[a-z]+-(\\d{4})(\\d{4})-.*");

  private PublicationIds() {}

  static Optional<String> fromUrl(String url) {
    Matcher m = ID_IN_URL.matcher(url);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<String> caseNumberFromUrl(String url) {
    return fromUrl(url).map(CASE_NUMBER_IN_ID::matcher).filter(Matcher::matches).map(m -> m.group(1));
  }

  static Optional<String> parliamentaryYear(String answerId) {
    if (!answerId.startsWith("ah-")) {
      return Optional.empty();
    }
    Matcher m = PARLIAMENTARY_YEAR.matcher(answerId);
    return m.matches() ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
  }
}
