package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import nl.kamervragen.person.PersonKeys;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** Encodes the archive's person keys: the names that join another person, and the key each joins. */
final class PersonKeysCoder extends AtomicCoder<PersonKeys> {

  private static final PersonKeysCoder INSTANCE = new PersonKeysCoder();
  private static final MapCoder<String, String> JOINED = MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  static PersonKeysCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PersonKeys keys, OutputStream out) throws IOException {
    JOINED.encode(keys.joined(), out);
  }

  @Override
  public PersonKeys decode(InputStream in) throws IOException {
    Map<String, String> joined = JOINED.decode(in);
    return PersonKeys.of(joined);
  }
}
