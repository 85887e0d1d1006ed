package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.table.AvroReaders;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics over three hand-checked sets: the seed (GL, 21 days, on time), 2014Z20341 (five
 * parties, 33 days, late) and 2020Z14341 (DENK, open since 2020-07-27, overdue on 2026-01-01).
 */
@ExtendWith(TestPipelineExtension.class)
class ComputeStatisticsTest {

  @TempDir Path staged;

  @Test
  void aggregatesResponseTimesPartiesAndTopics(TestPipeline pipeline) {
    Stats stats = threeSets(pipeline);

    PAssert.that(dimension(stats, "all"))
        // Timed: 21 and 33 days. Median = rank 1 = 21; p75 = rank 2 = 33. Shares of 2 timed sets.
        .containsInAnyOrder(responseTime("all", "all", 3, 2, 1, 1, 2, 27.0, 21, 33, 33, 33, 0.5, 1.0, 0.5));
    // The same sets per year of submission: the seed (2011), 2014Z20341 and the open 2020Z14341.
    PAssert.that(stats.table(Tables.RESPONSE_TIME)
            .apply("Dimension all per year", Filter.by(r -> r.getString("dimension").equals("all") && r.getInt32("year") != null)))
        .containsInAnyOrder(
            inYear(2011, responseTime("all", "all", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0)),
            inYear(2014, responseTime("all", "all", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0)),
            Tables.RESPONSE_TIME.row()
                .withFieldValue("dimension", "all").withFieldValue("value", "all").withFieldValue("year", 2020)
                .withFieldValue("documents", 1L).withFieldValue("answered", 0L).withFieldValue("open", 1L)
                .withFieldValue("overdue", 1L).withFieldValue("timed", 0L).build());
    PAssert.that(dimension(stats, "party"))
        .containsInAnyOrder(
            responseTime("party", "GL", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0),
            responseTime("party", "SP", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "CDA", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "VVD", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "SGP", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "CU", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            Tables.RESPONSE_TIME.row()
                .withFieldValue("dimension", "party").withFieldValue("value", "DENK")
                .withFieldValue("documents", 1L).withFieldValue("answered", 0L).withFieldValue("open", 1L)
                .withFieldValue("overdue", 1L).withFieldValue("timed", 0L).build());
    PAssert.that(dimension(stats, "ministry"))
        .containsInAnyOrder(
            responseTime("ministry", "binnenlandse zaken en koninkrijksrelaties", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0),
            responseTime("ministry", "veiligheid en justitie", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("ministry", "buitenlandse zaken", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0));
    PAssert.that(dimension(stats, "ministry_family"))
        .containsInAnyOrder(
            responseTime("ministry_family", "binnenlandse zaken", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0),
            responseTime("ministry_family", "justitie", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("ministry_family", "buitenlandse zaken", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0));
    PAssert.that(stats.table(Tables.MINISTRIES)).satisfies(rows -> {
      Map<String, String> families = new TreeMap<>();
      rows.forEach(r -> families.put(r.getString("name"), r.getString("family") + " known=" + r.getBoolean("known")
          + " sets=" + r.getInt64("question_sets") + " first=last:" + r.getValue("first_submitted").equals(r.getValue("last_submitted"))));
      assertEquals(Map.of(
          "binnenlandse zaken en koninkrijksrelaties", "binnenlandse zaken known=true sets=1 first=last:true",
          "veiligheid en justitie", "justitie known=true sets=1 first=last:true",
          "buitenlandse zaken", "buitenlandse zaken known=true sets=1 first=last:true"), families);
      return null;
    });
    PAssert.that(stats.table(Tables.QUESTIONS_PER_PARTY).apply("All years", Filter.by(r -> r.getInt32("year") == null)))
        .containsInAnyOrder(
            party("GL", 1, 5, 0.3333), party("SP", 1, 4, 0.3333), party("CDA", 1, 4, 0.3333), party("VVD", 1, 4, 0.3333),
            party("SGP", 1, 4, 0.3333), party("CU", 1, 4, 0.3333), party("DENK", 1, 8, 0.3333));
    PAssert.that(stats.table(Tables.TOPIC_FREQUENCY).apply("Topic recht", Filter.by(r -> r.getString("topic").equals("recht"))))
        .containsInAnyOrder(topic("recht", 2014, 1, 1.0), topic("recht", null, 1, 0.3333));
    PAssert.that(stats.totals())
        .containsInAnyOrder(List.of(
            KV.of(SummaryMeasures.DOCUMENTS, 3L), KV.of(SummaryMeasures.ANSWERED, 2L), KV.of(SummaryMeasures.OPEN, 1L),
            KV.of(SummaryMeasures.OVERDUE, 1L), KV.of(SummaryMeasures.UNTIMED, 0L), KV.of(SummaryMeasures.TRUNCATED, 1L),
            KV.of(SummaryMeasures.DOCUMENTS_WITH_WARNINGS, 0L), KV.of(SummaryMeasures.WARNINGS, 0L), KV.of(SummaryMeasures.UNKNOWN_TOPICS, 0L),
            KV.of(SummaryMeasures.UNKNOWN_MINISTRIES, 0L)));
    pipeline.run();
  }

  /** Each statistics table with rows is staged as one part, its rows already in the table's order. */
  @Test
  void eachTableIsStagedWholeAndSorted(TestPipeline pipeline) {
    Stats stats = threeSets(pipeline);
    PAssert.that(stats.outputs().get(ComputeStatistics.PARTS)).satisfies(parts -> {
      List<String> names = new ArrayList<>();
      for (KV<String, Row> part : parts) {
        TableDefinition table = ComputeStatistics.TABLES.stream().filter(t -> t.name().equals(part.getKey())).findFirst().orElseThrow();
        names.add(table.name());
        List<GenericRecord> records = read(table, part.getValue()).stream().map(table::toAvro).toList();
        List<GenericRecord> sorted = new ArrayList<>(records);
        sorted.sort(table.rowOrder());
        assertEquals(sorted, records, table.name() + " in the table's order");
        assertEquals((long) records.size(), part.getValue().getInt64("rows"), table.name() + " rows");
        assertFalse(records.isEmpty(), table.name() + " staged without rows");
      }
      assertEquals(names.stream().distinct().count(), names.size(), "one part per table: " + names);
      assertTrue(names.containsAll(List.of("response_time", "persons", "overdue_per_week", "party_pairs")), names.toString());
      return null;
    });
    pipeline.run();
  }

  @Test
  void noDocumentsGiveEmptyTablesAndNoTotalsWhichTheSummaryCountsAsZero(TestPipeline pipeline) throws IOException {
    PCollectionTuple stats =
        pipeline.apply(Create.empty(ByteArrayCoder.of()))
            .apply(new ComputeStatistics(TestParsedDocuments.REFERENCE_DATE, noKeys(pipeline), TestStaging.in(staged)));
    PAssert.that(stats.get(ComputeStatistics.PARTS)).empty();
    PAssert.that(stats.get(ComputeStatistics.TOTALS)).empty();
    pipeline.run();
    assertTrue(
        SummaryMeasures.rows(Map.of()).stream().allMatch(row -> row.getInt64("value") == 0L), "every measure 0");
  }

  /** Every set of every batch is counted with the archive's person keys; names that join no one stay their own person. */
  @Test
  void aSurnameTheArchiveJoinsIsCountedWithTheFullName(TestPipeline pipeline) throws Exception {
    PCollectionView<PersonKeys> keys = pipeline
        .apply("Keys", Create.of(PersonKeys.of(Map.of("Blok", "stef-blok"))).withCoder(PersonKeysCoder.of()))
        .apply(View.asSingleton());
    Stats stats = new Stats(pipeline
        .apply("Batches", Create.of(StatsDocumentEncoding.batch(List.of(set("Sadet Karabulut", "Blok"))),
            StatsDocumentEncoding.batch(List.of(set("Leers", "Stef Blok"), set("Leers", "Blok")))).withCoder(ByteArrayCoder.of()))
        .apply(new ComputeStatistics(TestParsedDocuments.REFERENCE_DATE, keys, TestStaging.in(staged))));
    PAssert.that(stats.table(Tables.PERSONS).apply("People", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getString("person_key") + ": " + r.getString("names") + ", " + r.getInt64("sets_as_submitter") + " submitted, "
                + r.getInt64("sets_as_answerer") + " answered")))
        .containsInAnyOrder("stef-blok: Blok; Stef Blok, 0 submitted, 3 answered", "sadet-karabulut: Sadet Karabulut, 1 submitted, 0 answered",
            "leers: Leers, 2 submitted, 0 answered");
    PAssert.that(dimension(stats, "answerer").apply("Answerers", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getString("person_key") + " " + r.getInt64("documents"))))
        .containsInAnyOrder("stef-blok 3");
    pipeline.run();
  }

  private static StatsDocument set(String submitter, String answerer) {
    LocalDate submitted = LocalDate.of(2019, 6, 1);
    return new StatsDocument(submitted, true, Optional.of(10), Optional.of(true), false, 1,
        List.of(new StatsDocument.Member(submitter, Optional.empty())), List.of(new StatsDocument.Member(answerer, Optional.of("VVD"))),
        List.of(), List.of(), 0, false, 0, Optional.of(submitted.plusDays(10)), submitted.plusDays(21), List.of(), List.of());
  }

  private static PCollectionView<PersonKeys> noKeys(TestPipeline pipeline) {
    return pipeline.apply("No keys", Create.of(PersonKeys.of(Map.of())).withCoder(PersonKeysCoder.of())).apply(View.asSingleton());
  }

  @Test
  void dashboardTablesOfTheSameThreeSets(TestPipeline pipeline) {
    Stats stats = threeSets(pipeline);

    // Five parties signed 2014Z20341 together: ten pairs, each once, in 2014 and overall.
    PAssert.that(stats.table(Tables.PARTY_PAIRS).apply("Pairs overall", Filter.by(r -> r.getInt32("year") == null)))
        .satisfies(rows -> {
          java.util.List<String> pairs = new java.util.ArrayList<>();
          rows.forEach(r -> pairs.add(r.getString("party_a") + "+" + r.getString("party_b") + "=" + r.getInt64("question_sets")));
          java.util.Collections.sort(pairs);
          assertEquals(
              java.util.List.of("CDA+CU=1", "CDA+SGP=1", "CDA+SP=1", "CDA+VVD=1", "CU+SGP=1", "CU+SP=1", "CU+VVD=1",
                  "SGP+SP=1", "SGP+VVD=1", "SP+VVD=1"), pairs);
          return null;
        });
    // Reply times 21 (seed) and 33 days; the open set is not in any histogram.
    PAssert.that(stats.table(Tables.REPLY_TIME_HISTOGRAM)
            .apply("Non-empty overall bins", Filter.by(r -> r.getString("dimension").equals("all") && r.getInt32("year") == null && r.getInt64("question_sets") > 0)))
        .containsInAnyOrder(bin(21, 21, 0.5), bin(33, 33, 0.5));
    PAssert.that(stats.table(Tables.REPLY_TIME_BY_SUBMISSION))
        .containsInAnyOrder(
            Tables.REPLY_TIME_BY_SUBMISSION.row().addValues(LocalDate.of(2011, 9, 19), LocalDate.of(2011, 10, 2), 21, 23, 1L).build(),
            Tables.REPLY_TIME_BY_SUBMISSION.row().addValues(LocalDate.of(2014, 11, 10), LocalDate.of(2014, 11, 23), 33, 35, 1L).build());
    // The seed's footnotes: Binnenlands Bestuur (dated) and the site of www.david-kok.nl.
    PAssert.that(stats.table(Tables.CITED_SOURCES).apply("Overall sources", Filter.by(r -> r.getString("dimension").equals("all") && r.getInt32("year") == null)))
        .containsInAnyOrder(
            Tables.CITED_SOURCES.row().addValues("outlet", "Binnenlands Bestuur", "all", "all", null, 1L, 1L).build(),
            Tables.CITED_SOURCES.row().addValues("site", "david-kok.nl", "all", "all", null, 1L, 1L).build());
    PAssert.that(stats.table(Tables.QUESTIONS_PER_PERIOD)
            .apply("July 2020", Filter.by(r -> r.getString("period").equals("2020-07"))))
        .containsInAnyOrder(
            Tables.QUESTIONS_PER_PERIOD.row().addValues("month", "2020-07", LocalDate.of(2020, 7, 1), "all", 1L, 8L).build(),
            Tables.QUESTIONS_PER_PERIOD.row().addValues("month", "2020-07", LocalDate.of(2020, 7, 1), "DENK", 1L, 8L).build());
    // 2014Z20341 was due 2014-12-03 and answered 2014-12-15: overdue in weeks 49 and 50. 2020Z14341 was
    // due 2020-08-17 and is still open on the reference date 2026-01-01, a Thursday of week 2026-W01.
    PAssert.that(stats.table(Tables.OVERDUE_PER_WEEK)
            .apply("Weeks with events or the last", Filter.by(r -> r.getInt64("became_overdue") + r.getInt64("answered_late") > 0
                || r.getString("week").equals("2026-W01") || r.getString("week").equals("2014-W50"))))
        .containsInAnyOrder(
            week("2014-W49", LocalDate.of(2014, 12, 1), LocalDate.of(2014, 12, 7), 1, 1, 0),
            week("2014-W50", LocalDate.of(2014, 12, 8), LocalDate.of(2014, 12, 14), 1, 0, 0),
            week("2014-W51", LocalDate.of(2014, 12, 15), LocalDate.of(2014, 12, 21), 0, 0, 1),
            week("2020-W34", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 8, 23), 1, 1, 0),
            week("2026-W01", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 1), 1, 0, 0));
    pipeline.run();
  }

  /** The three sets, in two batches as two buckets would give them. */
  private Stats threeSets(TestPipeline pipeline) {
    try {
      return new Stats(pipeline
          .apply(Create.of(
                  StatsDocumentEncoding.batch(List.of(stats("seed.txt"), stats("dev-corpus/2014Z20341.txt"))),
                  StatsDocumentEncoding.batch(List.of(stats("dev-corpus/2020Z14341.txt"))))
              .withCoder(ByteArrayCoder.of()))
          .apply(new ComputeStatistics(TestParsedDocuments.REFERENCE_DATE, noKeys(pipeline), TestStaging.in(staged))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StatsDocument stats(String resource) {
    return ParsedDocument.stats(TestParsedDocuments.ofResource(resource));
  }

  /** The statistics' outputs, each table's rows read from its staged part once. */
  private record Stats(PCollectionTuple outputs, Map<TableDefinition, PCollection<Row>> tables) {
    Stats(PCollectionTuple outputs) {
      this(outputs, new HashMap<>());
    }

    PCollection<KV<String, Long>> totals() {
      return outputs.get(ComputeStatistics.TOTALS);
    }

    PCollection<Row> table(TableDefinition table) {
      return tables.computeIfAbsent(table, t -> outputs.get(ComputeStatistics.PARTS)
          .apply(t.name() + " part", Filter.by(part -> part.getKey().equals(t.name())))
          .apply(t.name() + " rows", FlatMapElements.into(TypeDescriptors.rows()).via(part -> read(t, part.getValue())))
          .setRowSchema(t.beamSchema()));
    }
  }

  /** A part's rows, in the file's order. */
  static List<Row> read(TableDefinition table, Row part) {
    List<Row> rows = new ArrayList<>();
    try (DataFileReader<GenericRecord> records = new DataFileReader<>(new File(part.getString("file")), AvroReaders.of(table.avroSchema()))) {
      records.forEach(record -> rows.add(table.fromAvro(record)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Row bin(int from, int to, double share) {
    return Tables.REPLY_TIME_HISTOGRAM.row().addValues("all", "all", null, from, to, 1L, share).build();
  }

  private static Row week(String week, LocalDate start, LocalDate asOf, long overdue, long became, long answeredLate) {
    return Tables.OVERDUE_PER_WEEK.row().addValues(week, start, asOf, overdue, became, answeredLate).build();
  }

  private static PCollection<Row> dimension(Stats stats, String dimension) {
    return stats.table(Tables.RESPONSE_TIME)
        .apply("Dimension " + dimension, Filter.by(r -> r.getString("dimension").equals(dimension) && r.getInt32("year") == null));
  }

  private static Row inYear(int year, Row allYears) {
    return Row.fromRow(allYears).withFieldValue("year", year).build();
  }

  private static Row responseTime(String dimension, String value, long documents, long answered, long open, long overdue, long timed,
      double mean, int median, int p75, int p90, int max, double within21, double within42, double onTime) {
    return Tables.RESPONSE_TIME.row()
        .withFieldValue("dimension", dimension).withFieldValue("value", value)
        .withFieldValue("documents", documents).withFieldValue("answered", answered).withFieldValue("open", open)
        .withFieldValue("overdue", overdue).withFieldValue("timed", timed).withFieldValue("mean_days", mean)
        .withFieldValue("median_days", median).withFieldValue("p75_days", p75).withFieldValue("p90_days", p90)
        .withFieldValue("max_days", max).withFieldValue("within_21_share", within21)
        .withFieldValue("within_42_share", within42).withFieldValue("on_time_share", onTime).build();
  }

  private static Row party(String party, long sets, long questions, double share) {
    return Tables.QUESTIONS_PER_PARTY.row()
        .withFieldValue("party", party).withFieldValue("year", null).withFieldValue("question_sets", sets)
        .withFieldValue("questions", questions).withFieldValue("members", 1L).withFieldValue("share", share).build();
  }

  private static Row topic(String topic, Integer year, long sets, double share) {
    return Tables.TOPIC_FREQUENCY.row()
        .withFieldValue("topic", topic).withFieldValue("year", year).withFieldValue("question_sets", sets)
        .withFieldValue("share", share).build();
  }
}
