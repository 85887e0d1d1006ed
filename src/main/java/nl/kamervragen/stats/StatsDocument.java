package nl.kamervragen.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.person.PersonName;

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
 * @param answerers the answering members of government, each once
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
    List<Member> answerers,
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

  /**
   * A submitting member or an answering member of government.
   *
   * @param name the name as shown
   * @param party the party as shown, if any
   * @param personKey the person the name stands for ({@link PersonKeys}): the name's own slug, unless
   *     the names of the whole archive join it to another ({@link #withPersonKeys})
   */
  public record Member(String name, Optional<String> party, String personKey) {
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(personKey, "personKey");
    }

    /** A member whose name is its own person. */
    public Member(String name, Optional<String> party) {
      this(name, party, PersonName.slug(name));
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

  /** This set with the key of every submitter and answerer taken from the archive's {@code keys}. */
  public StatsDocument withPersonKeys(PersonKeys keys) {
    return new StatsDocument(submitted, answered, responseDays, onTime, overdue, questions, keyed(submitters, keys), keyed(answerers, keys),
        ministries, topics, warnings, truncated, unknownTopics, answeredOn, deadline, sites, outlets);
  }

  private static List<Member> keyed(List<Member> members, PersonKeys keys) {
    return members.stream().map(m -> keys.joins(m.name()) ? new Member(m.name(), m.party(), keys.keyOf(m.name())) : m).toList();
  }

  /** Whether the archive's keys give a submitter or answerer of this set another key than its own name's. */
  public boolean joinedBy(PersonKeys keys) {
    return submitters.stream().anyMatch(m -> keys.joins(m.name())) || answerers.stream().anyMatch(m -> keys.joins(m.name()));
  }

  /** Adds every name of the set, with its party and the submission year, to a census. */
  public void addNamesTo(NameCensus census) {
    int year = submitted.getYear();
    submitters.forEach(m -> census.add(m.name(), m.party(), year));
    answerers.forEach(m -> census.add(m.name(), m.party(), year));
  }

  /** The distinct parties of the submitters, in order of first appearance. */
  public List<String> parties() {
    return Collections.unmodifiableList(Distinct.of(submitters, Member::partyLabel));
  }

  /** The distinct parties actually named, in alphabetical order (members without a party left out). */
  public List<String> namedParties() {
    List<String> named = new ArrayList<>(submitters.size());
    for (Member m : submitters) {
      if (m.party().isPresent() && !named.contains(m.party().get())) {
        named.add(m.party().get());
      }
    }
    named.sort(null);
    return Collections.unmodifiableList(named);
  }
}
