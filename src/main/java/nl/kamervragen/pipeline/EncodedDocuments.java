package nl.kamervragen.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.Candidate;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Parsed documents as they cross the shuffle to their case-number bucket: keyed by the bucket and
 * encoded once, where they are parsed, into what the staging step needs and in the form it stages
 * it: the copy's {@link Candidate} (to choose among copies), its {@link StatsDocument}, its rows of
 * each table staged per bucket as Avro datums (appended to the part files as they are: within a
 * bucket, the kept documents in case-number order give the tables' order) and its rows of the other
 * document tables (overdue). So the staging step decodes no row and encodes none again.
 *
 * <p>Opaque bytes are also what runners move cheaply: Flink does not chain a multi-output step to its
 * consumers, so every document the reading step emits is serialized there, and the DirectRunner
 * clones a key's whole grouped bag each time an input bundle adds to it.
 *
 * <p>Not thread-safe (one per worker thread): it reuses its buffers.
 */
final class EncodedDocuments {

  static final KvCoder<String, byte[]> CODER = KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());

  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final BooleanCoder BOOLEAN = BooleanCoder.of();

  /** A document as the staging step reads it. */
  record Decoded(Candidate candidate, StatsDocument stats, RunChanges.Facts facts, Map<TableDefinition, List<ByteBuffer>> datums,
      Map<TableDefinition, List<Row>> rows) {}

  private final Map<TableDefinition, GenericDatumWriter<GenericRecord>> writers = new LinkedHashMap<>();
  private final Map<TableDefinition, RowCoder> rowCoders = new LinkedHashMap<>();
  private final ByteArrayOutputStream datum = new ByteArrayOutputStream();
  private BinaryEncoder encoder;

  EncodedDocuments() {
    StageDocuments.STAGED.forEach(table -> writers.put(table, new GenericDatumWriter<>(table.avroSchema())));
    StageDocuments.AS_ROWS.forEach(table -> rowCoders.put(table, RowCoder.of(table.beamSchema())));
  }

  /** A parsed document, keyed by its case-number bucket and encoded. */
  KV<String, byte[]> keyed(Row parsed) throws IOException {
    return keyed(parsed, ParsedDocument.stats(parsed));
  }

  /** The same, with what the statistics need of the document already taken from it. */
  KV<String, byte[]> keyed(Row parsed, StatsDocument stats) throws IOException {
    Map<TableDefinition, List<Row>> rows = new LinkedHashMap<>();
    writers.keySet().forEach(table -> rows.put(table, new ArrayList<>()));
    rowCoders.keySet().forEach(table -> rows.put(table, new ArrayList<>()));
    ParsedDocument.forEachTableRow(parsed, (table, row) -> rows.get(table).add(row));

    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    Candidate candidate = ParsedDocument.candidate(parsed);
    TEXT.encode(candidate.id(), out);
    TEXT.encode(candidate.sourceFile(), out);
    TEXT.encode(candidate.contentSha256(), out);
    BOOLEAN.encode(candidate.truncated(), out);
    BOOLEAN.encode(candidate.answered(), out);
    INT.encode(candidate.answeredQuestions(), out);
    INT.encode(candidate.questions(), out);
    INT.encode(candidate.warnings(), out);
    StatsDocumentCoder.of().encode(stats, out);
    FactsCoder.of().encode(RunChanges.Facts.of(ParsedDocument.document(parsed)), out);
    for (Map.Entry<TableDefinition, GenericDatumWriter<GenericRecord>> table : writers.entrySet()) {
      List<Row> tableRows = rows.get(table.getKey());
      INT.encode(tableRows.size(), out);
      for (Row row : tableRows) {
        datum.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(datum, encoder);
        table.getValue().write(table.getKey().toAvro(row), encoder);
        INT.encode(datum.size(), out);
        datum.writeTo(out);
      }
    }
    for (Map.Entry<TableDefinition, RowCoder> table : rowCoders.entrySet()) {
      List<Row> tableRows = rows.get(table.getKey());
      INT.encode(tableRows.size(), out);
      for (Row row : tableRows) {
        table.getValue().encode(row, out);
      }
    }
    return KV.of(Tables.DOCUMENTS.bucketOf(ParsedDocument.document(parsed)), out.toByteArray());
  }

  /** What {@link #keyed} encoded; the datums are slices of the given bytes. */
  Decoded decode(byte[] encoded) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(encoded);
    Candidate candidate = new Candidate(TEXT.decode(in), TEXT.decode(in), TEXT.decode(in), BOOLEAN.decode(in), BOOLEAN.decode(in),
        INT.decode(in), INT.decode(in), INT.decode(in));
    StatsDocument stats = StatsDocumentCoder.of().decode(in);
    RunChanges.Facts facts = FactsCoder.of().decode(in);
    Map<TableDefinition, List<ByteBuffer>> datums = new LinkedHashMap<>();
    for (TableDefinition table : writers.keySet()) {
      int count = INT.decode(in);
      List<ByteBuffer> tableDatums = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = INT.decode(in);
        int offset = encoded.length - in.available();
        tableDatums.add(ByteBuffer.wrap(encoded, offset, length));
        in.skipNBytes(length);
      }
      datums.put(table, tableDatums);
    }
    Map<TableDefinition, List<Row>> rows = new LinkedHashMap<>();
    for (Map.Entry<TableDefinition, RowCoder> table : rowCoders.entrySet()) {
      int count = INT.decode(in);
      List<Row> tableRows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        tableRows.add(table.getValue().decode(in));
      }
      rows.put(table.getKey(), tableRows);
    }
    return new Decoded(candidate, stats, facts, datums, rows);
  }
}
