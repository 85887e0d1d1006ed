package nl.kamervragen.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/** The value types a table column can have, with their Beam, Avro/Parquet and CSV forms. */
public enum ColumnType {
  STRING("text"),
  INT("32-bit integer"),
  LONG("64-bit integer"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  /** A calendar date: Parquet {@code DATE}, CSV {@code YYYY-MM-DD}. */
  DATE("date"),
  /** An instant, to the microsecond: Parquet {@code TIMESTAMP} (UTC, micros), CSV ISO-8601 in UTC ({@code 2026-11-29T02:30:00.123456Z}). */
  TIMESTAMP("timestamp (UTC)");

  private final String label;

  ColumnType(String label) {
    this.label = label;
  }

  /** The name used in the data dictionary. */
  public String label() {
    return label;
  }

  FieldType beamType() {
    return switch (this) {
      case STRING -> FieldType.STRING;
      case INT -> FieldType.INT32;
      case LONG -> FieldType.INT64;
      case DOUBLE -> FieldType.DOUBLE;
      case BOOLEAN -> FieldType.BOOLEAN;
      case DATE -> FieldType.logicalType(SqlTypes.DATE);
      case TIMESTAMP -> FieldType.logicalType(SqlTypes.TIMESTAMP);
    };
  }

  Schema avroType() {
    return switch (this) {
      case STRING -> Schema.create(Schema.Type.STRING);
      case INT -> Schema.create(Schema.Type.INT);
      case LONG -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    };
  }

  /** The Avro value for a Beam row value of this type. */
  Object toAvro(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case TIMESTAMP -> ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value);
      default -> value;
    };
  }

  /** The Beam row value for an Avro value of this type. */
  Object fromAvro(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case STRING -> value.toString();
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
      case TIMESTAMP -> Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS);
      default -> value;
    };
  }
}
