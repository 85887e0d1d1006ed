package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.testing.S3ServerExtension;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** Listing a bucket prefix and reading its objects keeps the local reader's promises. */
class ObjectStoreReadingTest {

  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("reading");

  @BeforeAll
  static void configure() throws Exception {
    PipelineOptions options = S3.server().pipelineOptions();
    FileSystems.setDefaultPipelineOptions(options);
  }

  private static void put(String key, String content) {
    S3.server().client().putObject(b -> b.bucket("reading").key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
  }

  private static List<ListedEntry> list(String input) throws InputException {
    List<ListedEntry> entries = new ArrayList<>();
    InputSelection.of(input, false).entries().forEachRemaining(entries::add);
    return entries;
  }

  @Test
  void objectsAreListedInNameOrderWithoutFolderMarkersAndReadWhole() throws Exception {
    put("a/2.txt", "twee");
    put("a/10.txt", "tien");
    put("a/sub/", "");
    put("a/sub/1.txt", "een\n");
    List<ListedEntry> entries = list("s3://reading/a");
    assertEquals(List.of("10.txt", "2.txt", "sub/1.txt"), entries.stream().map(ListedEntry::name).toList());
    ListedEntry one = entries.get(2);
    assertEquals(EntryKind.FILE, one.kind());
    assertEquals(4L, one.size());
    ArchiveReader.Result read = new ArchiveReader(1_000).read(one);
    assertEquals("een\n", new String(assertInstanceOf(ArchiveReader.Content.class, read).bytes(), StandardCharsets.UTF_8));
    assertEquals(4, read.storedBytesRead());
    ArchiveReader.Failure tooLarge = assertInstanceOf(ArchiveReader.Failure.class, new ArchiveReader(3).read(one));
    assertTrue(tooLarge.reason().startsWith("larger than the size cap"), tooLarge.reason());
  }

  @Test
  void anObjectThatChangedOrWentAwayAfterTheListingIsNotRead() throws Exception {
    put("b/changed.txt", "eerst");
    put("b/removed.txt", "weg");
    List<ListedEntry> entries = list("s3://reading/b");
    put("b/changed.txt", "daarna, langer");
    S3.server().client().deleteObject(b -> b.bucket("reading").key("b/removed.txt"));

    ArchiveReader.Failure changed = assertInstanceOf(ArchiveReader.Failure.class, new ArchiveReader(1_000).read(entries.get(0)));
    assertTrue(changed.changed(), changed.reason());
    assertEquals("size 5 → 14 bytes", changed.reason());
    ArchiveReader.Failure removed = assertInstanceOf(ArchiveReader.Failure.class, new ArchiveReader(1_000).read(entries.get(1)));
    assertTrue(removed.changed());
    assertEquals("removed after it was listed", removed.reason());
  }

  @Test
  void anInputOnAnotherSchemeOrWithoutABucketIsOneLine() {
    assertEquals("--input must be a local file, folder or glob, or s3://bucket/prefix, got 'gs://bucket/x'",
        org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> InputSelection.of("gs://bucket/x", false)).getMessage());
    assertEquals("--input 's3://' names no bucket",
        org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> InputSelection.of("s3://", false)).getMessage());
  }
}
