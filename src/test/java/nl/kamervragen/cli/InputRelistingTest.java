package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.testing.TestArchive;
import org.apache.beam.sdk.util.MimeTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input listed again beside other work: both results, and the work's failure first. */
class InputRelistingTest {

  @TempDir Path work;
  private Path archive;
  private InputSelection input;
  private StoredFolder staging;

  @BeforeEach
  void listOnce() throws Exception {
    archive = work.resolve("archive");
    TestArchive.writeMany(archive, 3);
    input = InputSelection.of(archive.toString(), false);
    staging = StoredFolder.local(Files.createDirectories(work.resolve("staging")));
    try (OutputStream file = staging.create(ListingFile.NAME, MimeTypes.BINARY)) {
      ListingFile.write(file, input.entries());
    }
  }

  @Test
  void anUnchangedInputGivesTheWorksResultAndNoChanges() throws IOException {
    InputRelisting.Relisted<String> relisted = InputRelisting.during(staging, input, () -> "read");
    assertEquals("read", relisted.result());
    assertNull(relisted.listingChanges());
  }

  @Test
  void anEntryAddedAfterTheListingIsNamed() throws IOException {
    Files.writeString(archive.resolve("late.txt"), "Kamervraag");
    InputRelisting.Relisted<String> relisted = InputRelisting.during(staging, input, () -> "read");
    assertTrue(relisted.listingChanges().startsWith("1 input entry differs from the listing made when the run started: "),
        relisted.listingChanges());
    assertTrue(relisted.listingChanges().contains("late.txt"), relisted.listingChanges());
  }

  @Test
  void theWorksFailureIsThrownWithTheRelistingsAsSuppressed() throws IOException {
    staging.delete(ListingFile.NAME);
    IOException readFailed = new IOException("the tables could not be read");
    IOException thrown = assertThrows(IOException.class, () -> InputRelisting.during(staging, input, () -> {
      throw readFailed;
    }));
    assertSame(readFailed, thrown);
    assertEquals(1, thrown.getSuppressed().length);
  }

  @Test
  void anInputThatCannotBeListedAgainIsAChange() throws IOException {
    StoredFolder.deleteTree(archive);
    InputRelisting.Relisted<String> relisted = InputRelisting.during(staging, input, () -> "read");
    assertTrue(relisted.listingChanges().startsWith("cannot list the input folder"), relisted.listingChanges());
  }

  @Test
  void aFailedRelistingIsThrownWhenTheWorkSucceeded() throws IOException {
    staging.delete(ListingFile.NAME);
    assertThrows(IOException.class, () -> InputRelisting.during(staging, input, () -> "read"));
  }
}
