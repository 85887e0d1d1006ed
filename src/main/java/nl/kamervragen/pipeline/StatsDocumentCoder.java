package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.stats.StatsDocument;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes what the statistics need of one document, field by field with Beam's own coders. */
final class StatsDocumentCoder extends AtomicCoder<StatsDocument> {

  private static final StatsDocumentCoder INSTANCE = new StatsDocumentCoder();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final BooleanCoder BOOLEAN = BooleanCoder.of();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final NullableCoder<String> OPTIONAL_TEXT = NullableCoder.of(TEXT);
  private static final NullableCoder<Integer> OPTIONAL_INT = NullableCoder.of(INT);
  private static final NullableCoder<Boolean> OPTIONAL_BOOLEAN = NullableCoder.of(BOOLEAN);
  private static final NullableCoder<Long> OPTIONAL_LONG = NullableCoder.of(LONG);
  private static final ListCoder<String> TEXTS = ListCoder.of(TEXT);

  static StatsDocumentCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StatsDocument doc, OutputStream out) throws IOException {
    LONG.encode(doc.submitted().toEpochDay(), out);
    BOOLEAN.encode(doc.answered(), out);
    OPTIONAL_INT.encode(doc.responseDays().orElse(null), out);
    OPTIONAL_BOOLEAN.encode(doc.onTime().orElse(null), out);
    BOOLEAN.encode(doc.overdue(), out);
    INT.encode(doc.questions(), out);
    encodeMembers(doc.submitters(), out);
    encodeMembers(doc.answerers(), out);
    INT.encode(doc.ministries().size(), out);
    for (StatsDocument.Ministry ministry : doc.ministries()) {
      TEXT.encode(ministry.name(), out);
      TEXT.encode(ministry.family(), out);
      BOOLEAN.encode(ministry.known(), out);
    }
    TEXTS.encode(doc.topics(), out);
    INT.encode(doc.warnings(), out);
    BOOLEAN.encode(doc.truncated(), out);
    INT.encode(doc.unknownTopics(), out);
    OPTIONAL_LONG.encode(doc.answeredOn().map(LocalDate::toEpochDay).orElse(null), out);
    LONG.encode(doc.deadline().toEpochDay(), out);
    TEXTS.encode(doc.sites(), out);
    TEXTS.encode(doc.outlets(), out);
  }

  @Override
  public StatsDocument decode(InputStream in) throws IOException {
    LocalDate submitted = LocalDate.ofEpochDay(LONG.decode(in));
    boolean answered = BOOLEAN.decode(in);
    Optional<Integer> responseDays = Optional.ofNullable(OPTIONAL_INT.decode(in));
    Optional<Boolean> onTime = Optional.ofNullable(OPTIONAL_BOOLEAN.decode(in));
    boolean overdue = BOOLEAN.decode(in);
    int questions = INT.decode(in);
    List<StatsDocument.Member> submitters = decodeMembers(in);
    List<StatsDocument.Member> answerers = decodeMembers(in);
    int ministryCount = INT.decode(in);
    List<StatsDocument.Ministry> ministries = new ArrayList<>(ministryCount);
    for (int i = 0; i < ministryCount; i++) {
      ministries.add(new StatsDocument.Ministry(TEXT.decode(in), TEXT.decode(in), BOOLEAN.decode(in)));
    }
    List<String> topics = TEXTS.decode(in);
    int warnings = INT.decode(in);
    boolean truncated = BOOLEAN.decode(in);
    int unknownTopics = INT.decode(in);
    Optional<LocalDate> answeredOn = Optional.ofNullable(OPTIONAL_LONG.decode(in)).map(LocalDate::ofEpochDay);
    LocalDate deadline = LocalDate.ofEpochDay(LONG.decode(in));
    return new StatsDocument(submitted, answered, responseDays, onTime, overdue, questions, submitters, answerers, ministries, topics,
        warnings, truncated, unknownTopics, answeredOn, deadline, TEXTS.decode(in), TEXTS.decode(in));
  }

  private static void encodeMembers(List<StatsDocument.Member> members, OutputStream out) throws IOException {
    INT.encode(members.size(), out);
    for (StatsDocument.Member member : members) {
      TEXT.encode(member.name(), out);
      OPTIONAL_TEXT.encode(member.party().orElse(null), out);
      TEXT.encode(member.personKey(), out);
    }
  }

  private static List<StatsDocument.Member> decodeMembers(InputStream in) throws IOException {
    int count = INT.decode(in);
    List<StatsDocument.Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Arguments are evaluated left to right: the order encodeMembers wrote them in.
      members.add(new StatsDocument.Member(TEXT.decode(in), Optional.ofNullable(OPTIONAL_TEXT.decode(in)), TEXT.decode(in)));
    }
    return members;
  }

  @Override
  public void verifyDeterministic() {}
}
