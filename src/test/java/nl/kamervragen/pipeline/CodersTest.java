package nl.kamervragen.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's own coders give back what they were given. */
class CodersTest {

  @TempDir Path archive;

  @Test
  void statsDocumentsSurviveTheirCoder() throws Exception {
    for (String resource : new String[] {"seed.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2019Z10944.txt", "dev-corpus/2014Z20341.txt"}) {
      CoderProperties.coderDecodeEncodeEqual(StatsDocumentCoder.of(), ParsedDocument.stats(TestParsedDocuments.ofResource(resource)));
    }
  }

  @Test
  void listedEntriesSurviveTheirCoder() throws Exception {
    Files.writeString(archive.resolve("a.txt"), "a");
    Files.createSymbolicLink(archive.resolve("b.txt"), Path.of("/etc/hostname"));
    new ArchiveWalker(InputSelection.of(archive.toString(), false)).forEachRemaining(entry -> {
      try {
        CoderProperties.coderDecodeEncodeEqual(ListedEntryCoder.of(), entry);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
