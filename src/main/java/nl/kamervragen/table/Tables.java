package nl.kamervragen.table;

import static nl.kamervragen.table.ColumnType.BOOLEAN;
import static nl.kamervragen.table.ColumnType.DATE;
import static nl.kamervragen.table.ColumnType.DOUBLE;
import static nl.kamervragen.table.ColumnType.INT;
import static nl.kamervragen.table.ColumnType.LONG;
import static nl.kamervragen.table.ColumnType.STRING;
import static nl.kamervragen.table.TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX;
import static nl.kamervragen.table.TableDefinition.Bucketing.SINGLE;

import java.util.List;

/**
 * Every table kamervragen writes. Column names are a contract with the dashboards that read them:
 * add columns freely, never rename or drop one.
 */
public final class Tables {

  private Tables() {}

  private static final String CASE = "case number of the question set, e.g. 2011Z18417";

  public static final TableDefinition DOCUMENTS =
      TableDefinition.builder("documents", "One row per question set (after removing duplicates).")
          .required("id", STRING, CASE)
          .optional("title", STRING, "short title; empty in the table rendering")
          .required("submitted", DATE, "date the questions were submitted")
          .optional("answered", DATE, "date of the answer; empty while open")
          .optional("response_days", INT, "calendar days from submitted to answered; empty while open or when the answer is dated before the question")
          .optional("stated_days", INT, "the publisher's own day count ('na N dagen')")
          .required("status", STRING, "answered or open")
          .required("postponements", INT, "number of postponement notices (Mededelingen)")
          .required("deadline_days", INT, "days allowed: 21, or 42 after a postponement notice")
          .required("deadline", DATE, "submitted + deadline_days")
          .optional("on_time", BOOLEAN, "answered within deadline_days; empty while open or when response_days is empty")
          .optional("open_days", INT, "for open sets: days from submitted to the run's reference date")
          .required("overdue", BOOLEAN, "open and open_days > deadline_days, as of the reference date; false when answered")
          .optional("overdue_days", INT, "for overdue sets: open_days - deadline_days")
          .required("submitters", STRING, "submitting members, '; '-joined, in document order")
          .required("submitter_parties", STRING, "party of each submitter, '; '-joined, same order, empty where none")
          .required("answerers", STRING, "answering members of government, '; '-joined")
          .required("answering_ministries", STRING, "distinct ministries of the answerers' positions, '; '-joined, in document order")
          .required("topics", STRING, "topic labels, '; '-joined, in document order")
          .required("unknown_topics", INT, "topic words that match no vocabulary label (kept in topics)")
          .required("questions", INT, "number of questions seen")
          .required("answered_questions", INT, "number of questions with an answer text")
          .required("footnotes", INT, "number of footnotes")
          .optional("question_url", STRING, "official publication of the question")
          .optional("answer_url", STRING, "official publication of the answer")
          .optional("question_id", STRING, "id of the question publication, e.g. kv-tk-2011Z18417")
          .optional("answer_id", STRING, "id of the answer publication, e.g. ah-tk-20112012-312")
          .optional("parliamentary_year", STRING, "parliamentary year of the answer publication, e.g. 2011-2012")
          .optional("question_full_title", STRING, "full title of the question publication")
          .optional("answer_full_title", STRING, "full title of the answer publication")
          .required("layout", STRING, "rendering of the source: header or table")
          .required("truncated", BOOLEAN, "the body looks cut off (no complete footer)")
          .required("warning_count", INT, "number of warnings")
          .required("warnings", STRING, "what the parser noticed and read past, '; '-joined")
          .required("source_file", STRING, "file the set was read from, relative to the input folder")
          .build(BY_CASE_NUMBER_PREFIX, "id");

  public static final TableDefinition QUESTIONS =
      TableDefinition.builder("questions", "One row per question of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the document, from 1")
          .required("number", INT, "number printed after 'Vraag' (numbers may skip)")
          .required("question", STRING, "question text; lines joined by newlines")
          .optional("answer", STRING, "answer text; empty when unanswered or cut off")
          .required("answered", BOOLEAN, "an answer text is present")
          .optional("refers_to_question", INT, "question number an answer like 'Zie antwoord vraag 2.' points to")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition SUBMITTERS =
      TableDefinition.builder("submitters", "One row per submitting member of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the Indieners list, from 1")
          .required("name", STRING, "member's name as shown")
          .optional("party", STRING, "party short name as shown; empty where none")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition ANSWERERS =
      TableDefinition.builder("answerers", "One row per position of each answering member of government (one row without position when none is shown).")
          .required("id", STRING, CASE)
          .required("seq", INT, "position of the person in the 'Beantwoord door' list, from 1")
          .required("name", STRING, "name as shown (may be a surname only)")
          .optional("party", STRING, "party short name; empty where none")
          .optional("position_seq", INT, "position of this role in the person's role list, from 1")
          .optional("position", STRING, "minister, staatssecretaris, minister zonder portefeuille, minister-president or viceminister-president")
          .optional("ministry", STRING, "lowercased ministry name; empty when the role names none")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq", "position_seq");

  public static final TableDefinition TOPICS =
      TableDefinition.builder("topics", "One row per topic label of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the Onderwerpen value, from 1")
          .required("topic", STRING, "topic label; unknown words are kept as one label")
          .required("known", BOOLEAN, "the label is in the OWMS or TOOI vocabulary")
          .optional("theme", STRING, "parent theme of a known label (the label itself for a theme)")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition FOOTNOTES =
      TableDefinition.builder("footnotes", "One row per footnote of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position among the footnotes, from 1")
          .required("number", INT, "footnote number as printed")
          .required("text", STRING, "footnote text (linked footnotes are cut to 70 characters by the publisher)")
          .optional("url", STRING, "URL shown in the text, possibly cut off with '…'")
          .optional("domain", STRING, "host name of the URL or of a bare www. name, when shown whole")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition POSTPONEMENTS =
      TableDefinition.builder("postponements", "One row per postponement notice (Mededeling).")
          .required("id", STRING, CASE)
          .required("seq", INT, "position among the notices, from 1")
          .optional("date", DATE, "date of the notice; empty when unreadable (see the document's warnings)")
          .required("text", STRING, "notice text")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition REJECTS =
      TableDefinition.builder("rejects", "Every input file that did not become a document or a duplicate, with the reason.")
          .required("source_file", STRING, "file, relative to the input folder")
          .required("stage", STRING, "read (file could not be read or decoded) or parse (text is not a readable Kamervraag)")
          .optional("line", INT, "1-based line of the problem, when it concerns one line")
          .required("reason", STRING, "what was expected and what was found")
          .build(SINGLE, "source_file");

  public static final TableDefinition INPUT_FILES =
      TableDefinition.builder("input_files", "Every input file the run matched: what the manifest's input fingerprint is computed from.")
          .required("source_file", STRING, "file, relative to the input folder")
          .required("bytes", LONG, "size of the file as stored (compressed size for .gz)")
          .optional("sha256", STRING, "SHA-256 of the file's (decompressed) bytes; empty when it could not be read")
          .build(TableDefinition.Bucketing.BY_FILE_PREFIX, "source_file");

  public static final TableDefinition DUPLICATES =
      TableDefinition.builder("duplicates", "Files whose case number was already read from another file, and which copy was kept.")
          .required("id", STRING, CASE)
          .required("kept_file", STRING, "the file whose document was kept")
          .required("duplicate_file", STRING, "the file that was set aside")
          .required("reason", STRING, "why the kept file won (see docs/tables.md for the rule)")
          .build(SINGLE, "id", "duplicate_file");

  public static final TableDefinition RESPONSE_TIME =
      TableDefinition.builder("response_time", "Response-time statistics per value of each dimension.")
          .required("dimension", STRING, "all, ministry, answerer, party, member, topic, year or month (of submission)")
          .required("value", STRING, "the dimension's value ('all' for dimension all; YYYY or YYYY-MM for year and month)")
          .required("documents", LONG, "question sets")
          .required("answered", LONG, "answered sets")
          .required("open", LONG, "sets still open")
          .required("overdue", LONG, "open sets past their deadline as of the reference date")
          .required("timed", LONG, "answered sets with a usable response time (answer not dated before the question): the base of every statistic below")
          .optional("mean_days", DOUBLE, "mean response time in days, 2 decimals")
          .optional("median_days", INT, "median response time in days (nearest rank)")
          .optional("p75_days", INT, "75th percentile of response time in days (nearest rank)")
          .optional("p90_days", INT, "90th percentile of response time in days (nearest rank)")
          .optional("max_days", INT, "longest response time in days")
          .optional("within_21_share", DOUBLE, "share (0-1) of timed sets answered within 21 days")
          .optional("within_42_share", DOUBLE, "share (0-1) of timed sets answered within 42 days")
          .optional("on_time_share", DOUBLE, "share (0-1) of timed sets answered within their own deadline (21, or 42 after a postponement)")
          .build(SINGLE, "dimension", "value");

  public static final TableDefinition QUESTIONS_PER_PARTY =
      TableDefinition.builder("questions_per_party", "Question sets and questions per submitting party and year of submission. A set signed by members of two parties counts once for each.")
          .required("party", STRING, "party short name; '(none)' for members shown without a party")
          .required("year", STRING, "year of submission, or 'all'")
          .required("question_sets", LONG, "question sets with at least one submitter of the party")
          .required("questions", LONG, "questions in those sets")
          .required("members", LONG, "distinct members of the party among their submitters")
          .required("share", DOUBLE, "question_sets / all question sets of the year, 4 decimals (shares of a year add up to more than 1 when sets have several parties)")
          .build(SINGLE, "party", "year");

  public static final TableDefinition TOPIC_FREQUENCY =
      TableDefinition.builder("topic_frequency", "Question sets per topic and year of submission.")
          .required("topic", STRING, "topic label")
          .required("year", STRING, "year of submission, or 'all'")
          .required("question_sets", LONG, "question sets with this topic")
          .required("share", DOUBLE, "question_sets / all question sets of the year, 4 decimals")
          .build(SINGLE, "topic", "year");

  public static final TableDefinition TOPIC_PARTY =
      TableDefinition.builder("topic_party", "Question sets per topic and submitting party. A set counts once for each of its parties.")
          .required("topic", STRING, "topic label")
          .required("party", STRING, "party short name; '(none)' for members shown without a party")
          .required("question_sets", LONG, "question sets with this topic and a submitter of this party")
          .build(SINGLE, "topic", "party");

  public static final TableDefinition SUMMARY =
      TableDefinition.builder("summary", "What the run read and wrote: one row per measure.")
          .required("metric", STRING, "name of the measure")
          .required("value", LONG, "its value")
          .required("description", STRING, "what it counts")
          .build(SINGLE, "metric");

  /** Every table, in the order they are listed in the documentation. */
  public static final List<TableDefinition> ALL =
      List.of(
          DOCUMENTS, QUESTIONS, SUBMITTERS, ANSWERERS, TOPICS, FOOTNOTES, POSTPONEMENTS,
          RESPONSE_TIME, QUESTIONS_PER_PARTY, TOPIC_FREQUENCY, TOPIC_PARTY,
          REJECTS, DUPLICATES, INPUT_FILES, SUMMARY);
}
