package nl.kamervragen.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the statistics need of one question set: a few fields, not the texts.
 *
 * @param submitted date of submission (gives the year and month dimensions)
 * @param answered whether the set has an answer
 * @param responseDays usable response time in days; empty while open or for a data error
 * @param onTime answered within its own deadline; empty when responseDays is empty
 * @param overdue open and past its deadline as of the reference date
 * @param questions number of questions
 * @param submitters the submitting members
 * @param answerers names of the answering members of government
 * @param ministries distinct ministries of the answerers, each with its family
 * @param topics topic labels
 * @param warnings number of parser warnings
 * @param truncated whether the body looks cut off
 * @param unknownTopics number of topic labels outside the vocabularies
 * @param answeredOn date of the answer; empty while open
 * @param deadline the date the answer was due: submitted + 21, or + 42 after a postponement
 * @param sites web site of each footnote that shows one (a site cited twice is listed twice)
 * @param outlets outlet named by each footnote that names one
 */
public record StatsDocument(
    LocalDate submitted,
    boolean answered,
    Optional<Integer> responseDays,
    Optional<Boolean> onTime,
    boolean overdue,
    int questions,
    List<Member> submitters,
    List<String> answerers,
    List<Ministry> ministries,
    List<String> topics,
    int warnings,
    boolean truncated,
    int unknownTopics,
    Optional<LocalDate> answeredOn,
    LocalDate deadline,
    List<String> sites,
    List<String> outlets) {

  /** Party label for members the document shows without a party. */
  public static final String NO_PARTY = "(none)";

  /** A submitting member. */
  public record Member(String name, Optional<String> party) {
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(party, "party");
    }

    public String partyLabel() {
      return party.orElse(NO_PARTY);
    }
  }

  /**
   * A ministry of the answerers, with its family ({@code nl.kamervragen.ministry.MinistryFamilies}).
   *
   * @param known whether the mapping knows the name; an unknown name is its own family
   */
  public record Ministry(String name, String family, boolean known) {
    public Ministry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(family, "family");
    }
  }

  public StatsDocument {
    Objects.requireNonNull(submitted, "submitted");
    submitters = List.copyOf(submitters);
    answerers = List.copyOf(answerers);
    ministries = List.copyOf(ministries);
    topics = List.copyOf(topics);
    Objects.requireNonNull(answeredOn, "answeredOn");
    Objects.requireNonNull(deadline, "deadline");
    sites = List.copyOf(sites);
    outlets = List.copyOf(outlets);
  }

  /** The distinct parties of the submitters, in order of first appearance. */
  public List<String> parties() {
    return submitters.stream().map(Member::partyLabel).distinct().toList();
  }

  /** The distinct parties actually named, in alphabetical order (members without a party left out). */
  public List<String> namedParties() {
    return submitters.stream().flatMap(m -> m.party().stream()).distinct().sorted().toList();
  }
}
