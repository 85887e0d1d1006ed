package nl.kamervragen.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.ParseResult;

/** Reads test documents from the classpath and parses them. */
public final class TestDocuments {

  private static final DocumentParser PARSER = new DocumentParser(TopicVocabulary.standard());

  private TestDocuments() {}

  public static String text(String resource) {
    try (InputStream in = TestDocuments.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParseResult parseText(String text) {
    return PARSER.parse(text);
  }

  /** Parses a document that must parse, failing with the parser's reason otherwise. */
  public static Kamervraag parsed(String text) {
    ParseResult result = PARSER.parse(text);
    if (result instanceof ParseResult.Failed failed) {
      throw new AssertionError("expected the document to parse, got: " + failed.describe());
    }
    return ((ParseResult.Parsed) result).document();
  }

  public static Kamervraag parsedResource(String resource) {
    return parsed(text(resource));
  }
}
