package nl.kamervragen.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The compact binary form of a {@link StatsDocument} ({@link StatsEncoding}'s numbers and strings):
 * for a runner's shuffle, one document per writer or the documents of a bucket as one {@link
 * #batch}, and for keeping many documents in memory, many documents through one writer; a batch and
 * a shared writer store every name, party and ministry once.
 */
public final class StatsDocumentEncoding {

  private StatsDocumentEncoding() {}

  /**
   * Many documents as one array: their count, then each through one writer, so that every name,
   * party and ministry is stored once per batch.
   */
  public static byte[] batch(List<StatsDocument> docs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * docs.size() + 16);
    StatsEncoding.Writer out = new StatsEncoding.Writer(bytes);
    out.number(docs.size());
    for (StatsDocument doc : docs) {
      write(out, doc);
    }
    return bytes.toByteArray();
  }

  /** Gives each document of a {@link #batch} to {@code each}, in order. */
  public static void forEachIn(byte[] batch, Consumer<StatsDocument> each) throws IOException {
    ByteArrayInputStream bytes = new ByteArrayInputStream(batch);
    StatsEncoding.Reader in = new StatsEncoding.Reader(bytes);
    int count = in.count();
    for (int i = 0; i < count; i++) {
      each.accept(read(in));
    }
    if (bytes.available() > 0) {
      throw new IOException("statistics damaged: " + bytes.available() + " bytes after the batch's " + count + " documents");
    }
  }

  public static void write(StatsEncoding.Writer out, StatsDocument doc) throws IOException {
    out.number(doc.submitted().toEpochDay());
    flag(out, doc.answered());
    optionalNumber(out, doc.responseDays().map(Integer::longValue));
    out.number(doc.onTime().map(onTime -> onTime ? 2 : 1).orElse(0));
    flag(out, doc.overdue());
    out.number(doc.questions());
    members(out, doc.submitters());
    members(out, doc.answerers());
    out.number(doc.ministries().size());
    for (StatsDocument.Ministry ministry : doc.ministries()) {
      out.string(ministry.name());
      out.string(ministry.family());
      flag(out, ministry.known());
    }
    strings(out, doc.topics());
    out.number(doc.warnings());
    flag(out, doc.truncated());
    out.number(doc.unknownTopics());
    optionalNumber(out, doc.answeredOn().map(LocalDate::toEpochDay));
    out.number(doc.deadline().toEpochDay());
    strings(out, doc.sites());
    strings(out, doc.outlets());
  }

  public static StatsDocument read(StatsEncoding.Reader in) throws IOException {
    LocalDate submitted = LocalDate.ofEpochDay(in.number());
    boolean answered = flag(in);
    Optional<Integer> responseDays = optionalNumber(in).map(Math::toIntExact);
    long onTime = in.number();
    Optional<Boolean> onTimeFlag = onTime == 0 ? Optional.empty() : Optional.of(onTime == 2);
    boolean overdue = flag(in);
    int questions = in.count();
    List<StatsDocument.Member> submitters = members(in);
    List<StatsDocument.Member> answerers = members(in);
    int ministryCount = in.count();
    List<StatsDocument.Ministry> ministries = new ArrayList<>(ministryCount);
    for (int i = 0; i < ministryCount; i++) {
      // Arguments are evaluated left to right: the order write wrote them in.
      ministries.add(new StatsDocument.Ministry(in.string(), in.string(), flag(in)));
    }
    List<String> topics = strings(in);
    int warnings = in.count();
    boolean truncated = flag(in);
    int unknownTopics = in.count();
    Optional<LocalDate> answeredOn = optionalNumber(in).map(LocalDate::ofEpochDay);
    LocalDate deadline = LocalDate.ofEpochDay(in.number());
    return new StatsDocument(submitted, answered, responseDays, onTimeFlag, overdue, questions, submitters, answerers, ministries, topics,
        warnings, truncated, unknownTopics, answeredOn, deadline, strings(in), strings(in));
  }

  private static void flag(StatsEncoding.Writer out, boolean value) throws IOException {
    out.number(value ? 1 : 0);
  }

  private static boolean flag(StatsEncoding.Reader in) throws IOException {
    return in.number() != 0;
  }

  private static void optionalNumber(StatsEncoding.Writer out, Optional<Long> value) throws IOException {
    out.number(value.isPresent() ? 1 : 0);
    if (value.isPresent()) {
      out.number(value.get());
    }
  }

  private static Optional<Long> optionalNumber(StatsEncoding.Reader in) throws IOException {
    return in.number() == 0 ? Optional.empty() : Optional.of(in.number());
  }

  private static void members(StatsEncoding.Writer out, List<StatsDocument.Member> members) throws IOException {
    out.number(members.size());
    for (StatsDocument.Member member : members) {
      out.string(member.name());
      out.string(member.party().orElse(null));
      out.string(member.personKey());
    }
  }

  private static List<StatsDocument.Member> members(StatsEncoding.Reader in) throws IOException {
    int count = in.count();
    List<StatsDocument.Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      members.add(new StatsDocument.Member(in.string(), Optional.ofNullable(in.string()), in.string()));
    }
    return members;
  }

  private static void strings(StatsEncoding.Writer out, List<String> values) throws IOException {
    out.number(values.size());
    for (String value : values) {
      out.string(value);
    }
  }

  private static List<String> strings(StatsEncoding.Reader in) throws IOException {
    int count = in.count();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(in.string());
    }
    return values;
  }
}
