package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputException;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.publish.OutputFolder;

/** A staging folder owned by the test, and listings of test inputs, as a run's client makes them. */
final class TestStaging {

  static final String TOKEN = "test-run-token";

  private TestStaging() {}

  /** Makes a folder a staging folder the test owns. */
  static Staging in(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(OutputFolder.OWNER_FILE), TOKEN);
    return new Staging(folder.toString(), TOKEN);
  }

  /** Lists an input folder into a listing file, as the client does before a run. */
  static Path listing(Path input, Path listing, boolean followLinks) throws IOException, InputException {
    try (OutputStream out = Files.newOutputStream(listing)) {
      ListingFile.write(out, new ArchiveWalker(InputSelection.of(input.toString(), followLinks)));
    }
    return listing;
  }
}
