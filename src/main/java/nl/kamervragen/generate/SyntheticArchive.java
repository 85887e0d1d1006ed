package nl.kamervragen.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes synthetic Kamervraag documents in exactly the published text format, deterministic for a
 * seed. The distributions are modelled on the real documents of the dev corpus and the format
 * reference: 1-9 submitters (some without a party), 1-3 answerers with positions and ministries
 * (commas included), about one in eight unanswered, 2-15 questions, long-tailed response times (median near four
 * weeks, a tail past a year), postponement notices on late ones, footnotes, and the
 * rendering variants real archives hold (CRLF, byte-order marks, 4-space indents, stray spaces,
 * surname-only answerers, positions without a ministry). The data are synthetic: no real question.
 */
public final class SyntheticArchive {

  /** First and last year of submission. */
  static final int FIRST_YEAR = 2008;
  static final int LAST_YEAR = 2025;
  private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

  /** Case numbers have five digits per year. */
  public static final int MAX_DOCUMENTS = YEARS * 100_000;

  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"));

  private static final String[] PARTIES = {
    "VVD", "PVV", "CDA", "D66", "GL", "SP", "PvdA", "CU", "SGP", "PvdD", "DENK", "50PLUS", "JA21", "Volt", "BBB",
    "NSC", "FVD", "GroenLinks-PvdA", "BVNL", "Groep Eerdmans-van Schijndel"
  };
  private static final double[] PARTY_WEIGHTS = {14, 10, 9, 9, 8, 10, 9, 6, 3, 5, 3, 1, 2, 2, 2, 2, 2, 3, 1, 1};

  private static final String[] FORENAMES = {
    "Jan", "Anne", "Pieter", "Fatima", "Sjoerd", "Lilianne", "Bram", "Sadet", "Kees", "Agnes", "Tunahan", "Joël",
    "Attje", "Henk", "Marieke", "Derk", "Laura", "Stephan", "Wybren", "Vicky", "Raymond", "Salima", "Kati", "Don"
  };
  private static final String[] SURNAMES = {
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "van der Lee", "El Fassed", "Yeşilgöz", "Kuzu", "Karabulut", "Omtzigt", "van der Staaij", "Sjoerdsma"
  };

  /**
   * Members of government: fictional, each the only one with their surname, so that an answerer
   * shown by surname alone joins their full name ({@code PersonKeys}).
   */
  private static final String[] MEMBERS_OF_GOVERNMENT = {
    "Ernst Koopmans", "Hanna Verbeek", "Ruud Wolters", "Mirjam Kroon", "Floris van Rijn", "Ilse Terpstra",
    "Omar Bouali", "Greet Hoekman", "Tijs Lammers", "Nora de Haan", "Wim Prins", "Esther Vink"
  };

  private static final String[] MINISTRIES = {
    "algemene zaken", "binnenlandse zaken en koninkrijksrelaties", "buitenlandse zaken", "defensie",
    "economische zaken en klimaat", "financiën", "infrastructuur en waterstaat", "justitie en veiligheid",
    "landbouw, natuur en voedselkwaliteit", "onderwijs, cultuur en wetenschap", "sociale zaken en werkgelegenheid",
    "volksgezondheid, welzijn en sport", "klimaat en groene groei", "asiel en migratie"
  };

  private static final String[] TOPICS = {
    "bestuur", "gemeenten", "organisatie en beleid", "cultuur en recreatie", "media", "economie", "onderwijs en wetenschap",
    "internationaal", "internationale samenwerking", "ontwikkelingssamenwerking", "recht", "staatsrecht", "strafrecht",
    "openbare orde en veiligheid", "politie, brandweer en hulpdiensten", "criminaliteit", "zorg en gezondheid",
    "ziekten en behandelingen", "sociale zekerheid", "werk", "verkeer", "spoor", "wonen", "migratie en integratie",
    "landbouw", "dieren", "natuur en milieu", "belasting", "financiën", "defensie"
  };

  private static final String[] WORDS = (
      "de het een van in op met voor aan door over bij naar is zijn wordt worden heeft hebben kan kunnen "
          + "regering minister kabinet gemeente provincie beleid maatregelen onderzoek rapport brief Kamer wet "
          + "uitvoering gevolgen burgers bedrijven kosten budget jaar maanden termijn afspraken toezicht "
          + "informatie gegevens situatie problemen oplossing bereid mening deelt waarom welke hoeveel wanneer")
      .split(" ");

  private static final String[] OUTLETS = {"NOS", "NRC", "de Volkskrant", "Trouw", "RTL Nieuws", "Binnenlands Bestuur", "Het Parool", "AD"};

  private static final String[] DOMAINS = {"nos.nl", "www.nrc.nl", "www.volkskrant.nl", "www.trouw.nl", "www.rtlnieuws.nl", "www.binnenlandsbestuur.nl", "www.rijksoverheid.nl"};

  private SyntheticArchive() {}

  /** One generated file: where it goes under the output folder and its bytes as text. */
  public record Document(String relativePath, String caseNumber, String text) {}

  /**
   * The {@code index}-th document of the archive for a seed. Each document has its own random
   * stream, so any document can be made without the ones before it.
   */
  public static Document document(long seed, int index) {
    if (index < 0 || index >= MAX_DOCUMENTS) {
      throw new IllegalArgumentException("document index must be in [0, " + MAX_DOCUMENTS + "), got " + index);
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    // Years in turn, then a running number within the year: case numbers are unique.
    int year = FIRST_YEAR + index % YEARS;
    String caseNumber = String.format(Locale.ROOT, "%04dZ%05d", year, index / YEARS);
    LocalDate submitted = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    boolean answered = random.nextDouble() >= 0.125;
    int days = responseDays(random);
    LocalDate answerDate = submitted.plusDays(days);
    boolean postponed = days > 21 && random.nextDouble() < 0.6;
    boolean fourSpaces = random.nextDouble() < 0.05;
    String indent = fourSpaces ? "    " : "  ";
    String bullet = (fourSpaces ? "  " : " ") + "\u2022 ";

    List<String> lines = new ArrayList<>();
    lines.add("Kamervraag " + caseNumber);
    lines.add("");
    String title = "Het bericht over " + phrase(random, 3, 8);
    lines.add(title);
    lines.add("");
    lines.add("Ingediend " + dutch(submitted));
    if (answered) {
      lines.add("Beantwoord " + dutch(answerDate) + " (na " + days + " dagen)");
    }
    List<String> submitters = submitters(random);
    lines.add((submitters.size() == 1 ? "Indiener " : "Indieners ") + String.join(", ", submitters));
    if (answered) {
      lines.add("Beantwoord door " + String.join(", ", answerers(random)));
    }
    lines.add("Onderwerpen " + topics(random));
    lines.add("Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-" + caseNumber + ".html");
    String answerId = "ah-tk-" + parliamentaryYear(answerDate) + "-" + (1 + random.nextInt(3999));
    if (answered) {
      lines.add("Bron antwoord https://zoek.officielebekendmakingen.nl/" + answerId + ".html");
    }
    int footnotes = random.nextInt(10) < 6 ? random.nextInt(4) : 0;
    for (int f = 1; f <= footnotes; f++) {
      lines.add(f + ". " + footnote(random, submitted));
    }
    int questions = 2 + Math.min(13, (int) (-Math.log(1 - random.nextDouble()) * 3.5));
    for (int q = 1; q <= questions; q++) {
      lines.add(bullet + "Vraag " + q);
      lines.add(indent + sentence(random, 25, 60) + "?");
      if (answered) {
        lines.add("");
        int paragraphs = 1 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
          lines.add(indent + (q > 1 && random.nextDouble() < 0.05 ? "Zie antwoord vraag " + (q - 1) + "." : paragraph(random)));
        }
      }
      lines.add("");
    }
    if (answered && postponed) {
      lines.add(bullet + "Mededeling - " + dutch(submitted.plusDays(14 + random.nextInt(8))));
      lines.add(indent + "De vragen kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord, omdat afstemming nodig is.");
      lines.add("");
    }
    lines.add("");
    lines.add("Kamervraag document nummer: kv-tk-" + caseNumber);
    lines.add("Volledige titel: Vragen over " + title.toLowerCase(Locale.ROOT) + " (ingezonden " + dutch(submitted) + ").");
    if (answered) {
      lines.add("Kamerantwoord document nummer: " + answerId);
      lines.add("Volledige titel: Antwoord op vragen over " + title.toLowerCase(Locale.ROOT) + ".");
    }

    String separator = random.nextDouble() < 0.02 ? "\r\n" : "\n";
    boolean straySpaces = random.nextDouble() < 0.02;
    StringBuilder text = new StringBuilder(random.nextDouble() < 0.01 ? "\uFEFF" : "");
    for (int i = 0; i < lines.size(); i++) {
      text.append(lines.get(i));
      if (straySpaces && !lines.get(i).isEmpty()) {
        text.append("  ");
      }
      if (i < lines.size() - 1) {
        text.append(separator);
      }
    }
    return new Document(year + "/" + caseNumber + ".txt", caseNumber, text.toString());
  }

  /** Long-tailed: log-normal with a median near 28 days; about one in a hundred past a year. */
  static int responseDays(SplittableRandom random) {
    double gaussian = gaussian(random);
    return (int) Math.min(900, Math.max(0, Math.round(Math.exp(Math.log(28) + 0.95 * gaussian))));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static String dutch(LocalDate date) {
    // The publisher writes a no-break space between day, month and year.
    return DUTCH.format(date).replace(' ', '\u00A0');
  }

  private static String parliamentaryYear(LocalDate date) {
    // The parliamentary year starts in the second half of September.
    boolean newYearStarted = date.getMonthValue() > 9 || date.getMonthValue() == 9 && date.getDayOfMonth() >= 15;
    int start = newYearStarted ? date.getYear() : date.getYear() - 1;
    return start + "" + (start + 1);
  }

  private static String name(SplittableRandom random) {
    return FORENAMES[random.nextInt(FORENAMES.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
  }

  private static List<String> submitters(SplittableRandom random) {
    double r = random.nextDouble();
    int count = r < 0.55 ? 1 : r < 0.80 ? 2 : r < 0.90 ? 3 : 4 + random.nextInt(6);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String person = name(random);
      people.add(random.nextDouble() < 0.05 ? person + " " : person + " (" + party(random) + ")");
    }
    return people;
  }

  private static String party(SplittableRandom random) {
    double total = 0;
    for (double w : PARTY_WEIGHTS) {
      total += w;
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < PARTIES.length; i++) {
      pick -= PARTY_WEIGHTS[i];
      if (pick < 0) {
        return PARTIES[i];
      }
    }
    return PARTIES[0];
  }

  private static List<String> answerers(SplittableRandom random) {
    double r = random.nextDouble();
    int count = r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
    List<String> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String member = MEMBERS_OF_GOVERNMENT[random.nextInt(MEMBERS_OF_GOVERNMENT.length)];
      if (random.nextDouble() < 0.02) {
        people.add(member.substring(member.indexOf(' ') + 1)); // the surname alone
        continue;
      }
      String ministry = MINISTRIES[random.nextInt(MINISTRIES.length)];
      double p = random.nextDouble();
      String roles =
          p < 0.70 ? "minister " + ministry
              : p < 0.90 ? "staatssecretaris " + ministry
              : p < 0.95 ? "minister zonder portefeuille " + ministry
              : "viceminister-president , minister " + ministry;
      people.add(member + " (" + roles + ") (" + party(random) + ")");
    }
    return people;
  }

  private static String topics(SplittableRandom random) {
    int count = 1 + random.nextInt(5);
    List<String> chosen = new ArrayList<>();
    while (chosen.size() < count) {
      String topic = TOPICS[random.nextInt(TOPICS.length)];
      if (!chosen.contains(topic)) {
        chosen.add(topic);
      }
    }
    return String.join(" ", chosen);
  }

  private static String footnote(SplittableRandom random, LocalDate near) {
    String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
    String headline = "\u00AB" + phrase(random, 3, 7) + "\u00BB";
    String when = dutch(near.minusDays(random.nextInt(10)));
    if (random.nextBoolean()) {
      String url = "https://" + DOMAINS[random.nextInt(DOMAINS.length)] + "/artikel/" + (100000 + random.nextInt(900000)) + "-" + phrase(random, 4, 9).replace(' ', '-');
      String text = outlet + ", " + when + ", " + headline + " (" + url;
      return text.length() > 70 ? text.substring(0, 69) + "\u2026" : text + ")";
    }
    return outlet + ", " + when + ", " + headline;
  }

  private static String phrase(SplittableRandom random, int min, int max) {
    int count = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }

  private static String sentence(SplittableRandom random, int min, int max) {
    String words = phrase(random, min, max);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String paragraph(SplittableRandom random) {
    int sentences = 2 + random.nextInt(4);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(sentence(random, 8, 25)).append('.');
    }
    return s.toString();
  }
}
