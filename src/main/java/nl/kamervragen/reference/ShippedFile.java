package nl.kamervragen.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The reference lists shipped in the jar (topic vocabularies, outlets, ministry families), read as lines. */
public final class ShippedFile {

  private ShippedFile() {}

  /**
   * The lines of a resource of the jar.
   *
   * @param what what the file is, for the message when it is missing or unreadable
   */
  public static List<String> lines(String resource, String what) {
    try (InputStream in = ShippedFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(what + " " + resource + " is missing from the jar");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + resource, e);
    }
  }
}
