package nl.kamervragen.pipeline;

import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Parsed documents as they cross the shuffle: keyed by case-number bucket and encoded once, right
 * where they are parsed. Opaque bytes are what runners move cheaply: Flink does not chain a
 * multi-output step to its consumers, so every document the reading step emits is serialized
 * there, and the DirectRunner clones a key's whole grouped bag each time an input bundle adds to it;
 * with rows both meant encoding and decoding every nested row again, with bytes it is a copy.
 */
final class EncodedDocuments {

  static final KvCoder<String, byte[]> CODER = KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());

  private static final RowCoder ROWS = RowCoder.of(ParsedDocument.SCHEMA);

  private EncodedDocuments() {}

  /** A parsed document, keyed by its case-number bucket and encoded. */
  static KV<String, byte[]> keyed(Row document) throws CoderException {
    return KV.of(Tables.DOCUMENTS.bucketOf(ParsedDocument.document(document)), CoderUtils.encodeToByteArray(ROWS, document));
  }

  /** The parsed document of {@link #keyed}'s bytes. */
  static Row decode(byte[] encoded) throws CoderException {
    return CoderUtils.decodeFromByteArray(ROWS, encoded);
  }
}
