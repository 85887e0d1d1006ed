package nl.kamervragen.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Topic;
import nl.kamervragen.parse.AddressedTo;
import nl.kamervragen.stats.Deadlines;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * One parsed question set as it travels through the pipeline: a row holding its {@code documents}
 * row and its rows of every detail table, built once from the parser's model at the pipeline's
 * edge. It makes the rows of every table whose source is {@link TableDefinition.Source#DOCUMENT}
 * ({@link #TABLES}): each detail table's rows by the function {@code DETAILS} maps it to.
 */
public final class ParsedDocument {

  static final String DOCUMENT = "document";
  static final String CONTENT_SHA256 = "content_sha256";

  /** The {@code status} of a set with an answer, and of one without. */
  public static final String STATUS_ANSWERED = "answered";
  public static final String STATUS_OPEN = "open";

  /** The answerers' ministry names the family mapping does not know: not a table, read by {@link #stats}. */
  static final String UNKNOWN_MINISTRIES = "unknown_ministries";

  /** How each detail table's rows are made from the parser's model: the one list of detail tables. */
  private static final Map<TableDefinition, BiFunction<Kamervraag, MinistryFamilies, List<Row>>> DETAILS = detailMakers();

  /** The detail tables a parsed document carries, each as an array field named after the table. */
  public static final List<TableDefinition> DETAIL_TABLES = List.copyOf(DETAILS.keySet());

  /** Every table this makes rows for: documents, the detail tables and overdue. */
  public static final Set<TableDefinition> TABLES = tables();

  public static final Schema SCHEMA = schema();

  private static final String LIST_SEPARATOR = "; ";

  private ParsedDocument() {}

  private static Map<TableDefinition, BiFunction<Kamervraag, MinistryFamilies, List<Row>>> detailMakers() {
    Map<TableDefinition, BiFunction<Kamervraag, MinistryFamilies, List<Row>>> details = new LinkedHashMap<>();
    details.put(Tables.QUESTIONS, (doc, families) -> DetailRows.questions(doc));
    details.put(Tables.SUBMITTERS, (doc, families) -> DetailRows.submitters(doc));
    details.put(Tables.ANSWERERS, DetailRows::answerers);
    details.put(Tables.TOPICS, (doc, families) -> DetailRows.topics(doc));
    details.put(Tables.FOOTNOTES, (doc, families) -> DetailRows.footnotes(doc));
    details.put(Tables.POSTPONEMENTS, (doc, families) -> DetailRows.postponements(doc));
    details.put(Tables.PAPER_REFERENCES, (doc, families) -> DetailRows.paperReferences(doc));
    return Collections.unmodifiableMap(details);
  }

  private static Set<TableDefinition> tables() {
    Set<TableDefinition> tables = new LinkedHashSet<>();
    tables.add(Tables.DOCUMENTS);
    tables.addAll(DETAILS.keySet());
    tables.add(Tables.OVERDUE);
    return Collections.unmodifiableSet(tables);
  }

  private static Schema schema() {
    Schema.Builder builder =
        Schema.builder()
            .addRowField(DOCUMENT, Tables.DOCUMENTS.beamSchema())
            .addStringField(CONTENT_SHA256)
            .addArrayField(UNKNOWN_MINISTRIES, FieldType.STRING);
    for (TableDefinition table : DETAIL_TABLES) {
      builder.addArrayField(table.name(), FieldType.row(table.beamSchema()));
    }
    return builder.build();
  }

  /**
   * Builds the row of a parsed document.
   *
   * @param extraWarnings warnings from reading the file (e.g. its encoding), listed first
   * @param families the mapping that gives each answerer's ministry its family
   */
  public static Row of(
      Kamervraag doc, String sourceFile, String contentSha256, List<String> extraWarnings, LocalDate referenceDate,
      MinistryFamilies families) {
    List<String> warnings = new ArrayList<>(extraWarnings);
    warnings.addAll(doc.warnings());
    List<Object> values = new ArrayList<>(3 + DETAILS.size());
    values.add(documentRow(doc, sourceFile, contentSha256, warnings, referenceDate));
    values.add(contentSha256);
    values.add(doc.answerers().stream().flatMap(p -> p.positions().stream()).flatMap(pos -> pos.ministry().stream())
        .filter(m -> families.familyOf(m).isEmpty()).distinct().toList());
    // The schema's detail fields are DETAILS' keys in this same order (Beam's withFieldValue parses
    // names, and its build() checks and copies every nested row: the rows are built to the schema already).
    DETAILS.values().forEach(rows -> values.add(rows.apply(doc, families)));
    return Row.withSchema(SCHEMA).attachValues(values);
  }

  public static Row document(Row parsed) {
    return parsed.getRow(DOCUMENT);
  }

  public static String id(Row parsed) {
    return document(parsed).getString("id");
  }

  public static String sourceFile(Row parsed) {
    return document(parsed).getString("source_file");
  }

  public static String contentSha256(Row parsed) {
    return parsed.getString(CONTENT_SHA256);
  }

  /** The rows of one detail table. */
  public static List<Row> details(Row parsed, TableDefinition table) {
    Iterable<Row> rows = parsed.getIterable(table.name());
    List<Row> list = new ArrayList<>();
    if (rows != null) {
      rows.forEach(list::add);
    }
    return list;
  }

  /** What deciding between copies of this document's case number needs to know. */
  public static Candidate candidate(Row parsed) {
    Row doc = document(parsed);
    return new Candidate(doc.getString("id"), doc.getString("source_file"), contentSha256(parsed), doc.getBoolean("truncated"),
        STATUS_ANSWERED.equals(doc.getString("status")), doc.getInt32("answered_questions"), doc.getInt32("questions"),
        doc.getInt32("warning_count"));
  }

  /** What the statistics need of this document. */
  public static StatsDocument stats(Row parsed) {
    Row doc = document(parsed);
    List<StatsDocument.Member> submitters =
        details(parsed, Tables.SUBMITTERS).stream()
            .map(ParsedDocument::member)
            .toList();
    List<Row> answererRows = details(parsed, Tables.ANSWERERS);
    Collection<String> unknownMinistries = parsed.getArray(UNKNOWN_MINISTRIES);
    // An answerer has a row per position: the member once.
    List<StatsDocument.Member> answerers = answererRows.stream()
        .map(ParsedDocument::member)
        .distinct()
        .toList();
    List<StatsDocument.Ministry> ministries =
        answererRows.stream()
            .filter(r -> r.getString("ministry") != null)
            .map(r -> new StatsDocument.Ministry(r.getString("ministry"), r.getString("ministry_family"),
                !unknownMinistries.contains(r.getString("ministry"))))
            .distinct()
            .toList();
    List<String> topics = details(parsed, Tables.TOPICS).stream().map(r -> r.getString("topic")).toList();
    List<Row> footnotes = details(parsed, Tables.FOOTNOTES);
    return new StatsDocument(
        doc.getLogicalTypeValue("submitted", LocalDate.class),
        STATUS_ANSWERED.equals(doc.getString("status")),
        Optional.ofNullable(doc.getInt32("response_days")),
        Optional.ofNullable(doc.getBoolean("on_time")),
        Boolean.TRUE.equals(doc.getBoolean("overdue")),
        doc.getInt32("questions"),
        submitters,
        answerers,
        ministries,
        topics,
        doc.getInt32("warning_count"),
        Boolean.TRUE.equals(doc.getBoolean("truncated")),
        doc.getInt32("unknown_topics"),
        Optional.ofNullable(doc.getLogicalTypeValue("answered", LocalDate.class)),
        doc.getLogicalTypeValue("deadline", LocalDate.class),
        footnotes.stream().map(r -> r.getString("site")).filter(Objects::nonNull).toList(),
        footnotes.stream().map(r -> r.getString("outlet")).filter(Objects::nonNull).toList());
  }

  private static StatsDocument.Member member(Row person) {
    return new StatsDocument.Member(person.getString("name"), Optional.ofNullable(person.getString("party")), person.getString("person_key"));
  }

  /**
   * Every table row a parsed document holds: its {@code documents} row, its rows of every detail table and,
   * when the set is overdue, its {@code overdue} row.
   */
  public static void forEachTableRow(Row parsed, java.util.function.BiConsumer<TableDefinition, Row> action) {
    Row document = document(parsed);
    action.accept(Tables.DOCUMENTS, document);
    for (TableDefinition table : DETAIL_TABLES) {
      details(parsed, table).forEach(row -> action.accept(table, row));
    }
    if (Boolean.TRUE.equals(document.getBoolean("overdue"))) {
      action.accept(Tables.OVERDUE, overdueRow(document));
    }
  }

  /** The row of the {@code overdue} table for a documents row that is overdue. */
  static Row overdueRow(Row document) {
    List<Object> values = new ArrayList<>();
    for (var column : Tables.OVERDUE.columns()) {
      values.add(document.getValue(column.name()));
    }
    return Tables.OVERDUE.row().addValues(values).build();
  }

  private static Row documentRow(Kamervraag doc, String sourceFile, String contentSha256, List<String> warnings, LocalDate referenceDate) {
    Deadlines.Facts facts = Deadlines.of(doc, referenceDate);
    Set<String> ministries = new LinkedHashSet<>();
    doc.answerers().forEach(p -> p.positions().forEach(pos -> pos.ministry().ifPresent(ministries::add)));
    return Tables.DOCUMENTS
        .row()
        .withFieldValue("id", doc.caseNumber())
        .withFieldValue("title", doc.title().orElse(null))
        .withFieldValue("submitted", doc.submitted())
        .withFieldValue("answered", doc.answered().orElse(null))
        .withFieldValue("response_days", facts.responseDays().orElse(null))
        .withFieldValue("stated_days", doc.statedDays().orElse(null))
        .withFieldValue("status", doc.isAnswered() ? STATUS_ANSWERED : STATUS_OPEN)
        .withFieldValue("postponements", doc.postponements().size())
        .withFieldValue("deadline_days", facts.deadlineDays())
        .withFieldValue("deadline", facts.deadline())
        .withFieldValue("on_time", facts.onTime().orElse(null))
        .withFieldValue("open_days", facts.openDays().orElse(null))
        .withFieldValue("overdue", facts.overdue())
        .withFieldValue("overdue_days", facts.overdueDays().orElse(null))
        .withFieldValue("submitters", join(doc.submitters().stream().map(Person::name).toList()))
        .withFieldValue("submitter_parties", doc.submitters().stream().allMatch(p -> p.party().isEmpty())
            ? null : join(doc.submitters().stream().map(p -> p.party().orElse("")).toList()))
        .withFieldValue("answerers", join(doc.answerers().stream().map(Person::name).toList()))
        .withFieldValue("answering_ministries", join(List.copyOf(ministries)))
        .withFieldValue("topics", join(doc.topics().stream().map(Topic::label).toList()))
        .withFieldValue("unknown_topics", (int) doc.topics().stream().filter(t -> !t.known()).count())
        .withFieldValue("questions", doc.questions().size())
        .withFieldValue("answered_questions", (int) doc.questions().stream().filter(q -> q.answer().isPresent()).count())
        .withFieldValue("footnotes", doc.footnotes().size())
        .withFieldValue("question_url", doc.questionUrl().orElse(null))
        .withFieldValue("answer_url", doc.answerUrl().orElse(null))
        .withFieldValue("question_id", doc.questionId().orElse(null))
        .withFieldValue("answer_id", doc.answerId().orElse(null))
        .withFieldValue("parliamentary_year", doc.parliamentaryYear().orElse(null))
        .withFieldValue("question_full_title", doc.questionFullTitle().orElse(null))
        .withFieldValue("answer_full_title", doc.answerFullTitle().orElse(null))
        .withFieldValue("layout", doc.layout().name().toLowerCase(java.util.Locale.ROOT))
        .withFieldValue("truncated", doc.truncated())
        .withFieldValue("warning_count", warnings.size())
        .withFieldValue("warnings", join(warnings))
        .withFieldValue("source_file", sourceFile)
        .withFieldValue("content_sha256", contentSha256)
        .withFieldValue("addressed_to", doc.questionFullTitle().flatMap(AddressedTo::of).orElse(null))
        .build();
  }

  /** A list in one cell; null, not an empty string, for a list with no elements. */
  private static String join(List<String> values) {
    return values.isEmpty() ? null : values.stream().collect(Collectors.joining(LIST_SEPARATOR));
  }
}
