package nl.kamervragen.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a question set was addressed to, as its full title names them: {@code Vragen van het lid
 * El Fassed (GroenLinks) aan de minister van Binnenlandse Zaken en Koninkrijksrelaties over …}.
 * Open sets have no "Beantwoord door" line, so this is the only place their ministers are named.
 */
public final class AddressedTo {

  // The members come first, with parties in parentheses; the addressees follow "aan de/het" and end
  // where the subject starts or at "(ingezonden …)".
  private static final Pattern ADDRESSEES =
      Pattern.compile(
          "^Vragen van .+? aan (?:de|het) (.+?)(?: (?:over|inzake|betreffende|omtrent|naar aanleiding van|met betrekking tot) | ?\\(ingezonden|\\.?$)");

  private AddressedTo() {}

  public static Optional<String> of(String questionFullTitle) {
    Matcher m = ADDRESSEES.matcher(questionFullTitle.replace('\u00A0', ' ').strip());
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }
}
