package nl.kamervragen.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.Tables;
import org.jsoup.nodes.Element;

/** The report's section on what changed since the previous published run (the {@code changes} table). */
final class ChangesSection {

  private static final int ROWS = 50;

  /** Each kind of change in Dutch. */
  private static final Map<String, String> NAMES = Map.of(
      RunChanges.NEW, "nieuw", RunChanges.ANSWERED, "beantwoord", RunChanges.NEWLY_OVERDUE, "nu te laat",
      RunChanges.POSTPONED, "uitgesteld", RunChanges.CHANGED, "gewijzigd", RunChanges.REMOVED, "verdwenen");

  private ChangesSection() {}

  static void write(Element section, StoredFolder folder, RunChanges.Comparison comparison) throws IOException {
    String previousRunId = comparison.previousRunId();
    if (previousRunId == null) {
      section.appendElement("p").text("Dit is de eerste run in deze map: er is nog geen vorige run om mee te vergelijken.");
      return;
    }
    String counted = comparison.counts().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> Labels.count(e.getValue()) + " " + NAMES.get(e.getKey())).collect(Collectors.joining(", "));
    section.appendElement("p").text(counted.isEmpty()
        ? "Geen veranderingen sinds de vorige run (" + previousRunId + ")."
        : "Sinds de vorige run (" + previousRunId + "): " + counted + ".");
    if (counted.isEmpty()) {
      return;
    }
    // The first rows of each kind, in the rule's order, ROWS in all: one pass that keeps at most
    // ROWS of each kind (a first comparison with an old run can list every set).
    Map<String, List<TableRow>> firstOfKind = new LinkedHashMap<>();
    RunChanges.KINDS.forEach(kind -> firstOfKind.put(kind, new ArrayList<>()));
    TableRows.read(folder, Tables.CHANGES, r -> {
      List<TableRow> kept = firstOfKind.get(r.get("change"));
      if (kept != null && kept.size() < ROWS) {
        kept.add(r);
      }
      return false;
    });
    List<TableRow> shown = firstOfKind.values().stream().flatMap(List::stream).limit(ROWS).toList();
    Element body = ReportWriter.table(section, "changes",
        "Vragensets die veranderden, per soort (de eerste " + ROWS + "; alle in de tabel changes).",
        List.of("Zaak", "Verandering", "Was", "Is"));
    shown.forEach(r -> {
      Element tr = body.appendElement("tr");
      tr.appendElement("td").text(r.get("id"));
      tr.appendElement("td").text(NAMES.getOrDefault(r.get("change"), r.get("change")));
      tr.appendElement("td").text(status(r.get("previous_status")));
      tr.appendElement("td").text(status(r.get("status")));
    });
  }

  private static String status(String status) {
    return switch (status) {
      case "answered" -> "beantwoord";
      case "open" -> "open";
      default -> "–";
    };
  }
}
