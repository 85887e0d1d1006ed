package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** One party in one year (or all years): its sets, questions and distinct members. */
final class PartyGroup implements Serializable {
  long sets;
  long questions;
  final Set<String> members = new HashSet<>();

  void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(sets);
    out.number(questions);
    out.number(members.size());
    for (String member : members) {
      out.string(member);
    }
  }

  static PartyGroup readFrom(StatsEncoding.Reader in) throws IOException {
    PartyGroup group = new PartyGroup();
    group.sets = in.number();
    group.questions = in.number();
    for (int n = in.count(); n > 0; n--) {
      group.members.add(in.string());
    }
    return group;
  }

  void merge(PartyGroup o) {
    sets += o.sets;
    questions += o.questions;
    members.addAll(o.members);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartyGroup other && sets == other.sets && questions == other.questions && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sets, questions, members);
  }
}
