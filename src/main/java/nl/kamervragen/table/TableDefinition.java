package nl.kamervragen.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;

/**
 * An output table: its name, columns, row order and how its rows are split into buckets for
 * sorting. One definition gives the Beam schema of its rows, the Avro schema of its Parquet file
 * and the header of its CSV file, so the three cannot drift apart.
 */
public final class TableDefinition implements Serializable {

  /** How rows are split into buckets that are sorted one at a time (bounded memory). */
  public enum Bucketing {
    /** Detail tables: by the first seven characters of {@code id}, e.g. {@code 2011Z18}. */
    BY_CASE_NUMBER_PREFIX(7),
    /** Tables of files: by the first twelve characters of the file name, e.g. {@code 2011/2011Z18}. */
    BY_FILE_PREFIX(12),
    /**
     * Tables sorted worst first by a day count (the first sort column, a descending integer): by
     * bands of {@link #DAYS_BAND} days, highest band first, so no bucket grows with the archive.
     */
    BY_DESCENDING_DAYS_BAND(0),
    /** Small tables: all rows in one bucket. */
    SINGLE(0);

    /** How many leading characters of the first sort column make the bucket. */
    final int prefixLength;

    Bucketing(int prefixLength) {
      this.prefixLength = prefixLength;
    }
  }

  /**
   * Where a table's rows come from: what the pipeline wires it to, and the one place in the core
   * that makes them. Every table has one, and a table nothing makes fails the pipeline's construction.
   */
  public enum Source {
    /** Rows each kept document gives (core.ParsedDocument): documents, its detail tables, overdue. */
    DOCUMENT("each kept question set"),
    /** Rows of the statistics over the kept documents (core.Statistics). */
    STATISTICS("the statistics over all kept question sets"),
    /** A row per listed entry, from reading it (core.DocumentIntake). */
    INPUT("each listed input entry"),
    /** A row per copy set aside (core.KeptCopies). */
    COPIES("each copy set aside"),
    /** The run's measures (core.SummaryMeasures). */
    RUN("the run's measures"),
    /** Each question set that changed since the previous published run (core.RunChanges). */
    PREVIOUS_RUN("the comparison with the previous published run");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    /** What the rows are made from, in words. */
    public String description() {
      return description;
    }
  }

  /** Width of a {@link Bucketing#BY_DESCENDING_DAYS_BAND} bucket, in days. */
  static final int DAYS_BAND = 30;

  /** The bucket of every row of a {@link Bucketing#SINGLE} table. */
  public static final String SINGLE_BUCKET = "all";

  private final String name;
  private final Source source;
  private final String description;
  private final List<Column> columns;
  private final List<String> sortColumns;
  private final Bucketing bucketing;
  private final org.apache.beam.sdk.schemas.Schema beamSchema;
  private final String avroSchemaJson;
  private final Map<String, Integer> columnIndex;
  private transient Schema avroSchema;

  private TableDefinition(
      String name, Source source, String description, List<Column> columns, List<String> sortColumns, Bucketing bucketing) {
    this.name = Objects.requireNonNull(name);
    this.source = Objects.requireNonNull(source);
    this.description = Objects.requireNonNull(description);
    this.columns = List.copyOf(columns);
    this.sortColumns = List.copyOf(sortColumns);
    this.bucketing = Objects.requireNonNull(bucketing);
    org.apache.beam.sdk.schemas.Schema.Builder beam = org.apache.beam.sdk.schemas.Schema.builder();
    for (Column c : columns) {
      beam.addField(c.name(), c.type().beamType().withNullable(c.nullable()));
    }
    this.beamSchema = beam.build();
    for (String sort : sortColumns) {
      if (!beamSchema.hasField(columnOf(sort))) {
        throw new IllegalArgumentException(name + ": sort column " + sort + " is not a column");
      }
    }
    if (bucketing == Bucketing.BY_CASE_NUMBER_PREFIX && !"id".equals(sortColumns.get(0))) {
      throw new IllegalArgumentException(name + ": case-number buckets need id as first sort column");
    }
    boolean firstRequired = !beamSchema.getField(columnOf(sortColumns.get(0))).getType().getNullable();
    if (bucketing == Bucketing.BY_DESCENDING_DAYS_BAND
        && !(isDescending(sortColumns.get(0)) && firstRequired
            && beamSchema.getField(columnOf(sortColumns.get(0))).getType().getTypeName() == org.apache.beam.sdk.schemas.Schema.TypeName.INT32)) {
      throw new IllegalArgumentException(name + ": day bands need a required integer as first sort column, descending");
    }
    if ((bucketing == Bucketing.BY_CASE_NUMBER_PREFIX || bucketing == Bucketing.BY_FILE_PREFIX)
        && (isDescending(sortColumns.get(0)) || !firstRequired)) {
      throw new IllegalArgumentException(name + ": buckets need a first sort column that is never empty");
    }
    this.avroSchemaJson = buildAvroSchema().toString();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
    this.columnIndex = index; // a HashMap: rows are made by name, a lookup per value
  }

  public static Builder builder(String name, Source source, String description) {
    return new Builder(name, source, description);
  }

  /** Collects the columns of a table definition in order. */
  public static final class Builder {
    private final String name;
    private final Source source;
    private final String description;
    private final List<Column> columns = new ArrayList<>();

    private Builder(String name, Source source, String description) {
      this.name = name;
      this.source = source;
      this.description = description;
    }

    public Builder required(String column, ColumnType type, String meaning) {
      columns.add(Column.required(column, type, meaning));
      return this;
    }

    public Builder optional(String column, ColumnType type, String meaning) {
      columns.add(Column.optional(column, type, meaning));
      return this;
    }

    public TableDefinition build(Bucketing bucketing, String... sortColumns) {
      return new TableDefinition(name, source, description, columns, List.of(sortColumns), bucketing);
    }
  }

  private Schema buildAvroSchema() {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(name).namespace("nl.kamervragen.tables").doc(description).fields();
    for (Column c : columns) {
      Schema type = c.type().avroType();
      if (c.nullable()) {
        fields = fields.name(c.name()).doc(c.description()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
      } else {
        fields = fields.name(c.name()).doc(c.description()).type(type).noDefault();
      }
    }
    return fields.endRecord();
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Where the rows come from. */
  public Source source() {
    return source;
  }

  public Bucketing bucketing() {
    return bucketing;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> sortColumns() {
    return sortColumns;
  }

  public org.apache.beam.sdk.schemas.Schema beamSchema() {
    return beamSchema;
  }

  public Schema avroSchema() {
    if (avroSchema == null) {
      avroSchema = new Schema.Parser().parse(avroSchemaJson);
    }
    return avroSchema;
  }

  /** A row builder for this table's schema. */
  public RowBuilder row() {
    return new RowBuilder(this);
  }

  /**
   * A row from column names and values, every column named once ({@code Optional} values are
   * unwrapped, empty ones become null): rows are made by name, and a column left out or misspelt
   * fails at once instead of shifting the others.
   *
   * @param namesAndValues column name, value, column name, value, …
   */
  public Row rowOf(Object... namesAndValues) {
    if (namesAndValues.length != 2 * columns.size()) {
      throw new IllegalArgumentException(name + ": " + columns.size() + " columns, but " + namesAndValues.length / 2 + " given");
    }
    RowBuilder row = row();
    java.util.Set<String> named = new java.util.HashSet<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String column = (String) namesAndValues[i];
      if (!named.add(column)) {
        throw new IllegalArgumentException(name + "." + column + " is named twice");
      }
      Object value = namesAndValues[i + 1];
      row.withFieldValue(column, value instanceof java.util.Optional<?> optional ? optional.orElse(null) : value);
    }
    return row.build();
  }

  /**
   * Builds a row of a table by column name or in column order. Beam's own
   * {@code Row.Builder.withFieldValue} parses the name with a grammar on every call, which cost a
   * quarter of the whole job; this looks the name up in the table's index instead.
   */
  public static final class RowBuilder {
    private final TableDefinition table;
    private final Object[] values;
    private int next;

    private RowBuilder(TableDefinition table) {
      this.table = table;
      this.values = new Object[table.columns.size()];
    }

    public RowBuilder withFieldValue(String column, Object value) {
      Integer index = table.columnIndex.get(column);
      if (index == null) {
        throw new IllegalArgumentException(table.name + " has no column " + column);
      }
      values[index] = value;
      return this;
    }

    /** Sets the next column in column order. */
    public RowBuilder addValue(Object value) {
      values[next++] = value;
      return this;
    }

    public RowBuilder addValues(Object... values) {
      for (Object value : values) {
        addValue(value);
      }
      return this;
    }

    public RowBuilder addValues(List<?> values) {
      values.forEach(this::addValue);
      return this;
    }

    public Row build() {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null && !table.columns.get(i).nullable()) {
          throw new IllegalStateException(table.name + "." + table.columns.get(i).name() + " is required but empty");
        }
      }
      return Row.withSchema(table.beamSchema).attachValues(Arrays.asList(values.clone()));
    }
  }

  /** The bucket a row is sorted in; buckets are written in their string order. */
  public String bucketOf(Row row) {
    if (bucketing == Bucketing.SINGLE) {
      return SINGLE_BUCKET;
    }
    if (bucketing == Bucketing.BY_DESCENDING_DAYS_BAND) {
      // Counted down from a fixed 10-digit number, so the highest band comes first in string order.
      long band = Math.floorDiv(row.getInt32(columnOf(sortColumns.get(0))), DAYS_BAND);
      return String.format(java.util.Locale.ROOT, "%010d", 1_000_000_000L - band);
    }
    return bucketOfKey(row.getString(sortColumns.get(0)));
  }

  /** The bucket of a row whose first sort column holds this text, for a table bucketed by a prefix of it. */
  public String bucketOfKey(String first) {
    if (bucketing == Bucketing.SINGLE || bucketing == Bucketing.BY_DESCENDING_DAYS_BAND) {
      throw new IllegalStateException(name + " is not bucketed by a prefix of its first sort column");
    }
    // The bucket is a prefix of the first sort column, so buckets in string order keep the table's order.
    return first.length() <= bucketing.prefixLength ? first : first.substring(0, bucketing.prefixLength);
  }

  /**
   * The table's row order: by its sort columns (a leading {@code -} sorts that column from high to
   * low), nulls first, then by every other column.
   */
  public Comparator<GenericRecord> rowOrder() {
    List<String> order = new ArrayList<>(sortColumns);
    columns.stream().map(Column::name).filter(c -> order.stream().noneMatch(o -> columnOf(o).equals(c))).forEach(order::add);
    // Fields by position, not by name: a sort compares a few million pairs, each on up to every column.
    Schema schema = avroSchema();
    int[] positions = order.stream().mapToInt(sort -> schema.getField(columnOf(sort)).pos()).toArray();
    boolean[] descending = new boolean[order.size()];
    for (int i = 0; i < descending.length; i++) {
      descending[i] = isDescending(order.get(i));
    }
    return (a, b) -> {
      for (int i = 0; i < positions.length; i++) {
        int compared = compareValues(a.get(positions[i]), b.get(positions[i]));
        if (compared != 0) {
          return descending[i] ? -compared : compared;
        }
      }
      return 0;
    };
  }

  /**
   * Nulls first, text by its Java string order (Avro's {@code Utf8} compares bytes, which orders
   * characters beyond U+FFFF differently), everything else by its natural order.
   */
  @SuppressWarnings("unchecked")
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof CharSequence textA && b instanceof CharSequence textB) {
      return textA.toString().compareTo(textB.toString());
    }
    return ((Comparable<Object>) a).compareTo(b);
  }

  /** The column a sort entry names, without its descending mark. */
  public static String columnOf(String sortEntry) {
    return isDescending(sortEntry) ? sortEntry.substring(1) : sortEntry;
  }

  public static boolean isDescending(String sortEntry) {
    return sortEntry.startsWith("-");
  }

  /** Converts a row of this table to its Avro record, as written to Parquet. */
  public GenericRecord toAvro(Row row) {
    // By position: the Beam schema, the Avro schema and the columns list share one column order.
    GenericRecord record = new GenericData.Record(avroSchema());
    for (int i = 0; i < columns.size(); i++) {
      record.put(i, columns.get(i).type().toAvro(row.getValue(i)));
    }
    return record;
  }

  /** Converts an Avro record of this table back to a row. */
  public Row fromAvro(GenericRecord record) {
    List<Object> values = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      values.add(columns.get(i).type().fromAvro(record.get(i)));
    }
    return Row.withSchema(beamSchema).addValues(values).build();
  }

  @Override
  public String toString() {
    return "table " + name;
  }
}
