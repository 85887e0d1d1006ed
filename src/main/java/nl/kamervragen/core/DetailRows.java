package nl.kamervragen.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import nl.kamervragen.cite.CitedSources;
import nl.kamervragen.cite.PaperReference;
import nl.kamervragen.cite.PaperReferences;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.model.Footnote;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Position;
import nl.kamervragen.model.Question;
import nl.kamervragen.person.PersonName;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/**
 * The rows of each detail table of a parsed document, made from the parser's model by column name.
 * A person's key is their name's own slug here; the few names that join another once the archive's
 * names are known ({@code PersonKeys}) are re-keyed where the tables are written ({@link PersonKeyColumn}).
 */
final class DetailRows {

  /** Immutable and loaded once per JVM: the outlet list is read from the jar, not per document. */
  private static final CitedSources CITED_SOURCES = CitedSources.standard();

  private DetailRows() {}

  static List<Row> questions(Kamervraag doc) {
    return numbered(Tables.QUESTIONS, doc, doc.questions(), (row, q) -> row
        .withFieldValue("number", q.number())
        .withFieldValue("question", q.text())
        .withFieldValue("answer", q.answer().orElse(null))
        .withFieldValue("answered", q.answer().isPresent())
        .withFieldValue("refers_to_question", q.refersToQuestion().orElse(null)));
  }

  static List<Row> submitters(Kamervraag doc) {
    return numbered(Tables.SUBMITTERS, doc, doc.submitters(), (row, p) -> row
        .withFieldValue("name", p.name())
        .withFieldValue("person_key", PersonName.slug(p.name()))
        .withFieldValue("party", p.party().orElse(null)));
  }

  static List<Row> answerers(Kamervraag doc, MinistryFamilies families) {
    List<Row> rows = new ArrayList<>();
    int seq = 0;
    for (Person p : doc.answerers()) {
      seq++;
      if (p.positions().isEmpty()) {
        rows.add(answererRow(doc, seq, p, null, null, families));
      }
      int positionSeq = 0;
      for (Position position : p.positions()) {
        rows.add(answererRow(doc, seq, p, ++positionSeq, position, families));
      }
    }
    return rows;
  }

  private static Row answererRow(Kamervraag doc, int seq, Person p, Integer positionSeq, Position position, MinistryFamilies families) {
    String ministry = position == null ? null : position.ministry().orElse(null);
    return Tables.ANSWERERS
        .row()
        .withFieldValue("id", doc.caseNumber())
        .withFieldValue("seq", seq)
        .withFieldValue("name", p.name())
        .withFieldValue("person_key", PersonName.slug(p.name()))
        .withFieldValue("party", p.party().orElse(null))
        .withFieldValue("position_seq", positionSeq)
        .withFieldValue("position", position == null ? null : position.title())
        .withFieldValue("ministry", ministry)
        .withFieldValue("ministry_family", ministry == null ? null : families.familyOrSelf(ministry))
        .build();
  }

  static List<Row> topics(Kamervraag doc) {
    return numbered(Tables.TOPICS, doc, doc.topics(), (row, t) -> row
        .withFieldValue("topic", t.label())
        .withFieldValue("known", t.known())
        .withFieldValue("theme", t.theme().orElse(null)));
  }

  static List<Row> footnotes(Kamervraag doc) {
    return numbered(Tables.FOOTNOTES, doc, doc.footnotes(), (row, f) -> row
        .withFieldValue("number", f.number())
        .withFieldValue("text", f.text())
        .withFieldValue("url", f.url().orElse(null))
        .withFieldValue("domain", f.domain().orElse(null))
        .withFieldValue("site", f.domain().map(CitedSources::siteOf).orElse(null))
        .withFieldValue("outlet", CITED_SOURCES.outletOf(f.text()).orElse(null)));
  }

  static List<Row> postponements(Kamervraag doc) {
    return numbered(Tables.POSTPONEMENTS, doc, doc.postponements(), (row, p) -> row
        .withFieldValue("date", p.date().orElse(null))
        .withFieldValue("text", p.text()));
  }

  static List<Row> paperReferences(Kamervraag doc) {
    List<Row> rows = new ArrayList<>();
    for (Question q : doc.questions()) {
      addReferences(rows, doc, "question", q.number(), q.text());
      if (q.answer().isPresent()) {
        addReferences(rows, doc, "answer", q.number(), q.answer().get());
      }
    }
    for (Footnote f : doc.footnotes()) {
      addReferences(rows, doc, "footnote", f.number(), f.text());
    }
    return rows;
  }

  private static void addReferences(List<Row> rows, Kamervraag doc, String source, int number, String text) {
    for (PaperReference reference : PaperReferences.find(text, doc.caseNumber())) {
      rows.add(
          Tables.PAPER_REFERENCES
              .row()
              .withFieldValue("id", doc.caseNumber())
              .withFieldValue("seq", rows.size() + 1)
              .withFieldValue("source", source)
              .withFieldValue("number", number)
              .withFieldValue("kind", reference.kind().label())
              .withFieldValue("reference", reference.reference())
              .withFieldValue("found", reference.found())
              .build());
    }
  }

  /** One row per item, in order: the document's case number, a 1-based seq, and the item's own columns. */
  private static <T> List<Row> numbered(
      TableDefinition table, Kamervraag doc, List<T> items, BiFunction<TableDefinition.RowBuilder, T, TableDefinition.RowBuilder> columns) {
    List<Row> rows = new ArrayList<>(items.size());
    int seq = 0;
    for (T item : items) {
      rows.add(columns.apply(table.row().withFieldValue("id", doc.caseNumber()).withFieldValue("seq", ++seq), item).build());
    }
    return rows;
  }
}
