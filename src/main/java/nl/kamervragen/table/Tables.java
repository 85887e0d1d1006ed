package nl.kamervragen.table;

import static nl.kamervragen.table.ColumnType.BOOLEAN;
import static nl.kamervragen.table.ColumnType.DATE;
import static nl.kamervragen.table.ColumnType.DOUBLE;
import static nl.kamervragen.table.ColumnType.INT;
import static nl.kamervragen.table.ColumnType.LONG;
import static nl.kamervragen.table.ColumnType.STRING;
import static nl.kamervragen.table.ColumnType.TIMESTAMP;
import static nl.kamervragen.table.TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX;
import static nl.kamervragen.table.TableDefinition.Bucketing.SINGLE;
import static nl.kamervragen.table.TableDefinition.Source.COPIES;
import static nl.kamervragen.table.TableDefinition.Source.DOCUMENT;
import static nl.kamervragen.table.TableDefinition.Source.INPUT;
import static nl.kamervragen.table.TableDefinition.Source.PREVIOUS_RUN;
import static nl.kamervragen.table.TableDefinition.Source.RUN;
import static nl.kamervragen.table.TableDefinition.Source.STATISTICS;

import java.util.List;

/**
 * Every table kamervragen writes. Column names are a contract with the dashboards that read them:
 * add columns freely, never rename or drop one.
 */
public final class Tables {

  private Tables() {}

  private static final String CASE = "case number of the question set, e.g. 2011Z18417";

  public static final TableDefinition DOCUMENTS =
      TableDefinition.builder("documents", DOCUMENT, "One row per question set (after removing duplicates).")
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
          .optional("submitters", STRING, "submitting members, '; '-joined, in document order; empty when the set names none")
          .optional("submitter_parties", STRING, "party of each submitter, '; '-joined, same order, an empty element for a member shown without a party; empty when no submitter shows a party")
          .optional("answerers", STRING, "answering members of government, '; '-joined; empty when none is shown (an open set)")
          .optional("answering_ministries", STRING, "distinct ministries of the answerers' positions, '; '-joined, in document order; empty when no position names one")
          .optional("topics", STRING, "topic labels, '; '-joined, in document order; empty when the set has none")
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
          .optional("warnings", STRING, "what the parser noticed and read past, '; '-joined; empty when nothing (warning_count 0)")
          .required("source_file", STRING, "file the set was read from, relative to the input folder")
          .required("content_sha256", STRING, "SHA-256 of the file's bytes as stored: which version of the set this is")
          .optional("addressed_to", STRING, "who the questions were addressed to, as the question's full title names them (e.g. 'minister van Financiën'); empty when the document has no full title")
          .build(BY_CASE_NUMBER_PREFIX, "id");

  public static final TableDefinition QUESTIONS =
      TableDefinition.builder("questions", DOCUMENT, "One row per question of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the document, from 1")
          .required("number", INT, "number printed after 'Vraag' (numbers may skip)")
          .required("question", STRING, "question text; lines joined by newlines")
          .optional("answer", STRING, "answer text; empty when unanswered or cut off")
          .required("answered", BOOLEAN, "an answer text is present")
          .optional("refers_to_question", INT, "question number an answer like 'Zie antwoord vraag 2.' points to")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition SUBMITTERS =
      TableDefinition.builder("submitters", DOCUMENT, "One row per submitting member of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the Indieners list, from 1")
          .required("name", STRING, "member's name as shown")
          .required("person_key", STRING, "the person the name stands for (persons.person_key): the same for every name of one person, see persons")
          .optional("party", STRING, "party short name as shown; empty where none")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition ANSWERERS =
      TableDefinition.builder("answerers", DOCUMENT, "One row per position of each answering member of government (one row without position when none is shown).")
          .required("id", STRING, CASE)
          .required("seq", INT, "position of the person in the 'Beantwoord door' list, from 1")
          .required("name", STRING, "name as shown (may be a surname only)")
          .required("person_key", STRING, "the person the name stands for (persons.person_key): the same for every name of one person, see persons")
          .optional("party", STRING, "party short name; empty where none")
          .optional("position_seq", INT, "position of this role in the person's role list, from 1")
          .optional("position", STRING, "minister, staatssecretaris, minister zonder portefeuille, minister-president or viceminister-president")
          .optional("ministry", STRING, "lowercased ministry name; empty when the role names none")
          .optional("ministry_family", STRING, "the ministry's family, the same through cabinet changes (docs/statistics.md, \"Ministry families\"); the name itself for a ministry the mapping does not know; empty when the role names no ministry")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq", "position_seq");

  public static final TableDefinition TOPICS =
      TableDefinition.builder("topics", DOCUMENT, "One row per topic label of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position in the Onderwerpen value, from 1")
          .required("topic", STRING, "topic label; unknown words are kept as one label")
          .required("known", BOOLEAN, "the label is in the OWMS or TOOI vocabulary")
          .optional("theme", STRING, "parent theme of a known label (the label itself for a theme)")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition FOOTNOTES =
      TableDefinition.builder("footnotes", DOCUMENT, "One row per footnote of a question set.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position among the footnotes, from 1")
          .required("number", INT, "footnote number as printed")
          .required("text", STRING, "footnote text (linked footnotes are cut to 70 characters by the publisher)")
          .optional("url", STRING, "URL shown in the text, possibly cut off with '…'")
          .optional("domain", STRING, "host name of the URL or of a bare www. name, when shown whole")
          .optional("site", STRING, "the domain without a leading www, www2 or m label (nos.nl for www.nos.nl and m.nos.nl)")
          .optional("outlet", STRING, "news outlet or organisation the text cites, e.g. NOS: the part before the citation's date, in the spelling of src/main/resources/nl/kamervragen/cite/outlets.txt when listed there")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition PAPER_REFERENCES =
      TableDefinition.builder("paper_references", DOCUMENT, "One row per reference to a parliamentary paper in a question, answer or footnote text.")
          .required("id", STRING, CASE)
          .required("seq", INT, "position among the set's references, from 1")
          .required("source", STRING, "where the reference was found: question, answer or footnote")
          .optional("number", INT, "question number (for question and answer) or footnote number")
          .required("kind", STRING, "kamerstuk, aanhangsel (Aanhangsel Handelingen: answers to written questions) or case_number (another Kamervraag)")
          .required("reference", STRING, "normalised reference: '21501-32, nr. 1703' for a Kamerstuk, '2024-2025, nr. 1028' for an Aanhangsel, '2024Z01234' for a case number; the set's own case number is left out")
          .required("found", STRING, "the reference as written")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition POSTPONEMENTS =
      TableDefinition.builder("postponements", DOCUMENT, "One row per postponement notice (Mededeling).")
          .required("id", STRING, CASE)
          .required("seq", INT, "position among the notices, from 1")
          .optional("date", DATE, "date of the notice; empty when unreadable (see the document's warnings)")
          .required("text", STRING, "notice text")
          .build(BY_CASE_NUMBER_PREFIX, "id", "seq");

  public static final TableDefinition REJECTS =
      TableDefinition.builder("rejects", INPUT, "Every input entry that did not become a document or a duplicate, with the reason.")
          .required("source_file", STRING, "entry, relative to the input folder (written as in input_files)")
          .required("stage", STRING, "list (not a file to read: a symbolic link, a FIFO, socket or device; never opened), read (the file could not be read or decoded), changed (the file changed during the run: the run is not published) or parse (the text is not a readable Kamervraag)")
          .optional("line", INT, "1-based line of the problem, when it concerns one line")
          .required("reason", STRING, "what was expected and what was found")
          .build(SINGLE, "source_file");

  public static final TableDefinition INPUT_FILES =
      TableDefinition.builder("input_files", INPUT, "Every entry under the input folder that the input selects, as the run listed and read it: what the manifest's input fingerprint is computed from.")
          .required("source_file", STRING, "entry, relative to the input folder, '/'-separated; a backslash is written \\\\, a control character or a byte that is not UTF-8 as \\xNN (see docs/input.md)")
          .optional("bytes", LONG, "size of the file read, as stored (compressed size for .gz; for a followed link, its target's); empty for entries that are not read")
          .optional("sha256", STRING, "SHA-256 of the file's (decompressed) bytes; empty when it was not read whole")
          .required("kind", STRING, "file, symbolic_link, fifo, socket, device, folder (a folder reached a second time) or other")
          .optional("modified", TIMESTAMP, "last modification time of the file read, as listed when the run started")
          .optional("link_target", STRING, "for a symbolic link: its target as written in the link")
          .optional("read_bytes", LONG, "bytes read from storage: equal to bytes for every file read whole; empty when the entry was not opened")
          .build(TableDefinition.Bucketing.BY_FILE_PREFIX, "source_file");

  public static final TableDefinition DUPLICATES =
      TableDefinition.builder("duplicates", COPIES, "Files whose case number was also read from another file, and which copy was kept (the rule is in docs/statistics.md).")
          .required("id", STRING, CASE)
          .required("kept_file", STRING, "the file whose document was kept")
          .required("duplicate_file", STRING, "the file that was set aside")
          .required("reason", STRING, "the first rule that decided which copy is kept")
          .required("conflict", BOOLEAN, "the two files hold different content: a conflicting copy, not a plain duplicate")
          .build(SINGLE, "id", "duplicate_file");

  public static final TableDefinition RESPONSE_TIME =
      TableDefinition.builder("response_time", STATISTICS, "Response-time statistics per value of each dimension, per year of submission and over all years.")
          .required("dimension", STRING, "all, ministry, ministry_family, answerer, party, member, topic or month (of submission)")
          .required("value", STRING, "the dimension's value ('all' for dimension all; YYYY-MM for month; for answerer and member the name the person goes by, persons.name)")
          .optional("person_key", STRING, "for answerer and member: the person (persons.person_key), whose sets are counted under every name they were shown by; empty for the other dimensions")
          .optional("year", INT, "year of submission the row covers; empty for all years together. Every value has a row per year and one for all years, except a month, whose one row has the month's year")
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
          .build(SINGLE, "dimension", "value", "person_key", "year");

  public static final TableDefinition MINISTRIES =
      TableDefinition.builder("ministries", STATISTICS, "Every ministry name the answerers show, with its family: the families stay the same through cabinet changes (docs/statistics.md, \"Ministry families\").")
          .required("name", STRING, "lowercased ministry name, as the answerer lines show it")
          .required("family", STRING, "its family; the name itself when the mapping does not know it")
          .required("known", BOOLEAN, "the family mapping knows the name (see summary.unknown_ministries)")
          .required("first_submitted", DATE, "submission date of the first question set it answered")
          .required("last_submitted", DATE, "submission date of the last question set it answered")
          .required("question_sets", LONG, "question sets with an answerer of this ministry")
          .build(SINGLE, "family", "name");

  public static final TableDefinition PERSONS =
      TableDefinition.builder("persons", STATISTICS, "Every submitting member and answering member of government, once, with a stable key: the names of one person join by the rule in docs/statistics.md, \"Person keys\".")
          .required("person_key", STRING, "the person's key: the slug of their full name (sadet-karabulut), or of the surname shown alone when it joins no full name (leers)")
          .required("name", STRING, "the name the person goes by: of the full names shown, the one in most sets; the surname when no full name is shown")
          .required("names", STRING, "every name shown for the person, '; '-joined, sorted")
          .required("surname_only", BOOLEAN, "no full name was shown: a surname alone, which may stand for more than one person")
          .optional("parties", STRING, "every party shown with the person, '; '-joined, sorted; empty when none was shown")
          .required("roles", STRING, "submitter, answerer, or answerer; submitter")
          .required("first_submitted", DATE, "submission date of the first question set the person is in")
          .required("last_submitted", DATE, "submission date of the last question set the person is in")
          .required("question_sets", LONG, "question sets the person is in, as submitter or answerer")
          .required("sets_as_submitter", LONG, "question sets the person submitted")
          .required("sets_as_answerer", LONG, "question sets the person answered, or is to answer")
          .build(SINGLE, "person_key");

  public static final TableDefinition QUESTIONS_PER_PARTY =
      TableDefinition.builder("questions_per_party", STATISTICS, "Question sets and questions per submitting party and year of submission. A set signed by members of two parties counts once for each.")
          .required("party", STRING, "party short name; '(none)' for members shown without a party")
          .optional("year", INT, "year of submission; empty for all years together")
          .required("question_sets", LONG, "question sets with at least one submitter of the party")
          .required("questions", LONG, "questions in those sets")
          .required("members", LONG, "distinct members (persons) of the party among their submitters")
          .required("share", DOUBLE, "question_sets / all question sets of the year, 4 decimals (shares of a year add up to more than 1 when sets have several parties)")
          .build(SINGLE, "party", "year");

  public static final TableDefinition TOPIC_FREQUENCY =
      TableDefinition.builder("topic_frequency", STATISTICS, "Question sets per topic and year of submission.")
          .required("topic", STRING, "topic label")
          .optional("year", INT, "year of submission; empty for all years together")
          .required("question_sets", LONG, "question sets with this topic")
          .required("share", DOUBLE, "question_sets / all question sets of the year, 4 decimals")
          .build(SINGLE, "topic", "year");

  public static final TableDefinition TOPIC_PARTY =
      TableDefinition.builder("topic_party", STATISTICS, "Question sets per topic and submitting party. A set counts once for each of its parties.")
          .required("topic", STRING, "topic label")
          .required("party", STRING, "party short name; '(none)' for members shown without a party")
          .required("question_sets", LONG, "question sets with this topic and a submitter of this party")
          .build(SINGLE, "topic", "party");

  public static final TableDefinition QUESTIONS_PER_PERIOD =
      TableDefinition.builder("questions_per_period", STATISTICS, "Question sets submitted per ISO week and per month, overall and per party. A set signed by members of two parties counts once for each.")
          .required("period_type", STRING, "week or month")
          .required("period", STRING, "ISO week as YYYY-Www (week-based year, weeks start on Monday) or month as YYYY-MM")
          .required("period_start", DATE, "first day of the period (a Monday for weeks)")
          .required("party", STRING, "'all', or a party short name ('(none)' for members shown without a party)")
          .required("question_sets", LONG, "question sets submitted in the period (with a submitter of the party)")
          .required("questions", LONG, "questions in those sets")
          .build(SINGLE, "period_type", "period", "party");

  public static final TableDefinition REPLY_TIME_HISTOGRAM =
      TableDefinition.builder("reply_time_histogram", STATISTICS, "Answered sets per reply time in whole days: one bin per day from 0 to 100 and one overflow bin, overall (per year of submission and over all years) and per answering ministry (over all years). Every bin is listed, empty ones too.")
          .required("dimension", STRING, "all, ministry or ministry_family")
          .required("value", STRING, "'all', the lowercased ministry name, or the ministry family")
          .optional("year", INT, "year of submission; empty for all years together (always for the ministry dimensions)")
          .required("days_from", INT, "first reply time in the bin, in days (101 for the overflow bin)")
          .optional("days_to", INT, "last reply time in the bin, in days; empty for the overflow bin (more than 100 days)")
          .required("question_sets", LONG, "answered sets with a usable reply time in the bin")
          .required("share", DOUBLE, "question_sets / all timed sets of the group, 4 decimals")
          .build(SINGLE, "dimension", "value", "year", "days_from");

  public static final TableDefinition REPLY_TIME_BY_SUBMISSION =
      TableDefinition.builder("reply_time_by_submission", STATISTICS, "Answered sets per 14-day bin of submission date and 3-day bin of reply time (a heat map). Only non-empty cells are listed. Fortnights are counted from Monday 1970-01-05, so bins are the same in every run.")
          .required("submitted_from", DATE, "first submission date of the 14-day bin (a Monday)")
          .required("submitted_to", DATE, "last submission date of the bin (a Sunday)")
          .required("days_from", INT, "first reply time of the 3-day bin, in days")
          .required("days_to", INT, "last reply time of the bin, in days")
          .required("question_sets", LONG, "answered sets with a usable reply time in the cell")
          .build(SINGLE, "submitted_from", "days_from");

  public static final TableDefinition CITED_SOURCES =
      TableDefinition.builder("cited_sources", STATISTICS, "Web sites and outlets cited in footnotes, overall (per year of submission and over all years) and per submitting party (over all years).")
          .required("kind", STRING, "site (web site of a footnote URL, see footnotes.site) or outlet (see footnotes.outlet)")
          .required("source", STRING, "the site or outlet")
          .required("dimension", STRING, "all or party")
          .required("value", STRING, "'all', or the party short name ('(none)' for members without a party)")
          .optional("year", INT, "year of submission; empty for all years together (always for dimension party)")
          .required("footnotes", LONG, "footnotes citing the source")
          .required("question_sets", LONG, "question sets with at least one such footnote")
          .build(SINGLE, "kind", "source", "dimension", "value", "year");

  public static final TableDefinition PARTY_PAIRS =
      TableDefinition.builder("party_pairs", STATISTICS, "Co-submission: question sets signed by members of two parties together, per year of submission. A set with three parties counts for each of its three pairs; members shown without a party are left out.")
          .required("party_a", STRING, "party short name, the first of the pair in alphabetical order")
          .required("party_b", STRING, "the other party")
          .optional("year", INT, "year of submission; empty for all years together")
          .required("question_sets", LONG, "sets with submitters of both parties")
          .build(SINGLE, "party_a", "party_b", "year");

  public static final TableDefinition OVERDUE =
      TableDefinition.builder("overdue", DOCUMENT, "Open question sets past their deadline as of the reference date (21 days, 42 after a postponement notice), worst first.")
          .required("id", STRING, CASE)
          .optional("title", STRING, "short title")
          .required("submitted", DATE, "date the questions were submitted")
          .required("deadline_days", INT, "days allowed: 21, or 42 after a postponement notice")
          .required("deadline", DATE, "submitted + deadline_days")
          .required("overdue_days", INT, "days past the deadline at the reference date")
          .required("open_days", INT, "days from submitted to the reference date")
          .required("postponements", INT, "number of postponement notices")
          .optional("addressed_to", STRING, "who the questions were addressed to, from the full title; empty when the document has none")
          .optional("submitters", STRING, "submitting members, '; '-joined; empty when the set names none")
          .optional("submitter_parties", STRING, "party of each submitter, '; '-joined, same order; empty when no submitter shows a party")
          .optional("topics", STRING, "topic labels, '; '-joined; empty when the set has none")
          .optional("question_url", STRING, "official publication of the question")
          .required("source_file", STRING, "file the set was read from")
          .build(TableDefinition.Bucketing.BY_DESCENDING_DAYS_BAND, "-overdue_days", "id");

  public static final TableDefinition OVERDUE_PER_WEEK =
      TableDefinition.builder("overdue_per_week", STATISTICS, "The overdue backlog over time: per ISO week, the sets past their deadline and not yet answered at the week's end, from the first week any set was overdue to the reference date.")
          .required("week", STRING, "ISO week as YYYY-Www")
          .required("week_start", DATE, "Monday of the week")
          .required("as_of", DATE, "the day the backlog is counted: the week's Sunday, or the reference date in its own week")
          .required("overdue", LONG, "sets overdue on as_of: past their deadline and not answered by then (answered sets count for the weeks they were late)")
          .required("became_overdue", LONG, "sets whose first overdue day fell in the week")
          .required("answered_late", LONG, "sets answered in the week after their deadline had passed")
          .build(SINGLE, "week_start");

  public static final TableDefinition CHANGES =
      TableDefinition.builder("changes", PREVIOUS_RUN, "What changed since the previous published run in the same output folder: one row per question set that is new, answered, newly overdue, postponed, changed or gone. Empty after a first run. The rules are in docs/statistics.md, \"What changed\".")
          .required("id", STRING, CASE)
          .required("change", STRING, "new, answered, newly_overdue, postponed, changed or removed: the first that applies, in this order after new and removed")
          .optional("previous_status", STRING, "answered or open in the previous run; empty for a new set")
          .optional("status", STRING, "answered or open in this run; empty for a removed set")
          .required("previous_run_id", STRING, "run_id of the run compared with (its manifest.json)")
          .build(SINGLE, "id");

  public static final TableDefinition SUMMARY =
      TableDefinition.builder("summary", RUN, "What the run read and wrote: one row per measure.")
          .required("metric", STRING, "name of the measure")
          .required("value", LONG, "its value")
          .required("description", STRING, "what it counts")
          .build(SINGLE, "metric");

  /** The tables whose rows come from one source, in the order of {@link #ALL}. */
  public static List<TableDefinition> from(TableDefinition.Source source) {
    return ALL.stream().filter(table -> table.source() == source).toList();
  }

  /** Every table, in the order they are listed in the documentation. */
  public static final List<TableDefinition> ALL =
      List.of(
          DOCUMENTS, QUESTIONS, SUBMITTERS, ANSWERERS, TOPICS, FOOTNOTES, POSTPONEMENTS, PAPER_REFERENCES,
          RESPONSE_TIME, MINISTRIES, PERSONS, QUESTIONS_PER_PARTY, TOPIC_FREQUENCY, TOPIC_PARTY,
          QUESTIONS_PER_PERIOD, REPLY_TIME_HISTOGRAM, REPLY_TIME_BY_SUBMISSION, CITED_SOURCES, PARTY_PAIRS,
          OVERDUE, OVERDUE_PER_WEEK, CHANGES,
          REJECTS, DUPLICATES, INPUT_FILES, SUMMARY);
}
