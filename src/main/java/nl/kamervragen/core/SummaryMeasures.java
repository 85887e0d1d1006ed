package nl.kamervragen.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/** The measures of the {@code summary} table, with what each counts. */
public final class SummaryMeasures {

  public static final String FILES = "files";
  public static final String DOCUMENTS_PARSED = "documents_parsed";
  public static final String REJECTED = "rejected";
  public static final String DUPLICATES = "duplicates";
  public static final String CONFLICTS = "conflicts";
  public static final String DOCUMENTS = "documents";
  public static final String ANSWERED = "answered";
  public static final String OPEN = "open";
  public static final String OVERDUE = "overdue";
  public static final String UNTIMED = "untimed";
  public static final String TRUNCATED = "truncated";
  public static final String DOCUMENTS_WITH_WARNINGS = "documents_with_warnings";
  public static final String WARNINGS = "warnings";
  public static final String UNKNOWN_TOPICS = "unknown_topics";
  public static final String UNKNOWN_MINISTRIES = "unknown_ministries";

  /** Every measure with its description, in the order they are explained. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  private SummaryMeasures() {}

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(FILES, "input entries listed (see input_files); files = documents + duplicates + rejected");
    d.put(DOCUMENTS_PARSED, "files parsed into a question set, duplicates included");
    d.put(REJECTED, "entries not read (links, special files) and files that could not be read or parsed (see rejects)");
    d.put(DUPLICATES, "files set aside because another file holds the same case number (see duplicates)");
    d.put(CONFLICTS, "duplicates whose content differs from the kept copy's (duplicates.conflict)");
    d.put(DOCUMENTS, "question sets in the documents table");
    d.put(ANSWERED, "question sets with an answer");
    d.put(OPEN, "question sets without an answer");
    d.put(OVERDUE, "open question sets past their deadline as of the reference date");
    d.put(UNTIMED, "answered sets left out of response-time statistics: answer dated before the question");
    d.put(TRUNCATED, "question sets whose text looks cut off");
    d.put(DOCUMENTS_WITH_WARNINGS, "question sets with at least one warning");
    d.put(WARNINGS, "warnings over all question sets");
    d.put(UNKNOWN_TOPICS, "topic labels outside the vocabularies (kept in the topics table)");
    d.put(UNKNOWN_MINISTRIES, "ministry names the family mapping does not know, each a family of its own (ministries.known)");
    return java.util.Collections.unmodifiableMap(d);
  }

  /** The number of files, from its parts. */
  public static long files(Map<String, Long> measures) {
    return measures.getOrDefault(DOCUMENTS_PARSED, 0L) + measures.getOrDefault(REJECTED, 0L);
  }

  /** The rows of the {@code summary} table for the measures of a run, files derived from its parts. */
  public static List<Row> rows(Map<String, Long> measures) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, String> measure : DESCRIPTIONS.entrySet()) {
      long value = measure.getKey().equals(FILES) ? files(measures) : measures.getOrDefault(measure.getKey(), 0L);
      rows.add(Tables.SUMMARY.row()
          .withFieldValue("metric", measure.getKey())
          .withFieldValue("value", value)
          .withFieldValue("description", measure.getValue())
          .build());
    }
    return rows;
  }
}
