package nl.kamervragen.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/tables.md}, the data dictionary, from the table definitions themselves, so
 * the documentation cannot drift from what the pipeline writes. A test fails when it is stale.
 */
public final class DataDictionary {

  /** Where the dictionary lives in the repository. */
  public static final Path LOCATION = Path.of("docs", "tables.md");

  /** Its name next to the tables of every run, so that the output folder explains itself. */
  public static final String FILE_NAME = "tables.md";

  /** Writes the dictionary into an output folder, next to the tables it describes. */
  public static void writeInto(Path folder) throws IOException {
    Files.writeString(folder.resolve(FILE_NAME), markdown(), StandardCharsets.UTF_8);
  }

  private DataDictionary() {}

  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : LOCATION;
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, markdown(), StandardCharsets.UTF_8);
    System.out.println("wrote " + target);
  }

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Output tables\n\n")
        .append("<!-- Generated from nl.kamervragen.table.Tables by nl.kamervragen.table.DataDictionary; do not edit by hand.\n")
        .append("     Regenerate: mvn -q compile exec:java -Dexec.mainClass=nl.kamervragen.table.DataDictionary -->\n\n")
        .append("Every run writes each table twice in the output folder: `<table>.csv` (UTF-8, comma-separated, a header row,\n")
        .append("fields quoted where needed, `\\n` line ends, dates as `YYYY-MM-DD`, timestamps as ISO-8601 in UTC, empty cell for a\n")
        .append("missing value) and `<table>.parquet` (Avro schema: dates are Parquet `DATE`, timestamps `TIMESTAMP` in UTC to the\n")
        .append("microsecond, counts are integers, missing values are null).\n")
        .append("Rows are in the order given by each table's sort key, so reruns on the same input give identical files.\n")
        .append("Column names are a contract: columns may be added, never renamed or removed.\n\n")
        .append("Lists inside one cell (submitters, topics, warnings …) are joined by `; ` in document order.\n\n")
        .append("**Safe for spreadsheets.** A CSV text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return\n")
        .append("gets a leading `'` (OWASP's advice against CSV injection), so that a spreadsheet shows it as text instead\n")
        .append("of running it as a formula. Parquet files keep the raw text.\n\n");
    for (TableDefinition table : Tables.ALL) {
      md.append("- [`").append(table.name()).append("`](#").append(table.name()).append(")\n");
    }
    for (TableDefinition table : Tables.ALL) {
      md.append("\n## ").append(table.name()).append("\n\n")
          .append(table.description()).append("\n\n")
          .append("Rows come from ").append(table.source().description()).append(". ")
          .append("Sorted by: ").append(String.join(", ", table.sortColumns().stream()
              .map(c -> TableDefinition.isDescending(c) ? TableDefinition.columnOf(c) + " (high to low)" : c).toList())).append(".\n\n")
          .append("| column | type | may be empty | meaning |\n")
          .append("|---|---|---|---|\n");
      for (Column column : table.columns()) {
        md.append("| `").append(column.name()).append("` | ").append(column.type().label()).append(" | ")
            .append(column.nullable() ? "yes" : "no").append(" | ")
            .append(column.description().replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }
}
