package nl.kamervragen.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.S3ServerExtension;
import nl.kamervragen.testing.TestArchiveRun;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A folder read and written through Beam's file systems behaves the same on a local disk and in a bucket. */
class StoredFolderTest {

  @TempDir static Path work;
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("folders");
  private static PipelineOptions options;

  @BeforeAll
  static void configure() throws Exception {
    options = S3.server().pipelineOptions();
  }

  /** Beam's file systems are set up once per process, by whoever ran last: a run of main resets them. */
  @BeforeEach
  void pointTheFileSystemsAtTheServer() {
    FileSystems.setDefaultPipelineOptions(options);
  }

  private static void behavesAsAFolder(StoredFolder folder) throws IOException {
    assertFalse(folder.exists("a.txt"));
    assertThrows(FileNotFoundException.class, () -> folder.open("a.txt"));
    try (OutputStream out = folder.create("a.txt", "text/plain")) {
      out.write("eerste".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.close(); // closed twice, as try-with-resources around a writer that closes does
    }
    assertTrue(folder.exists("a.txt"));
    assertEquals("eerste", folder.readString("a.txt"));
    folder.writeString("a.txt", "tweede", "text/plain");
    assertEquals("tweede", folder.readString("a.txt"));
    folder.folder("runs/r1").writeString("x.txt", "1", "text/plain");
    folder.folder("runs/r2/deeper").writeString("y.txt", "2", "text/plain");
    assertEquals(List.of("r1", "r2"), folder.folder("runs").subfolders());
    assertEquals(3, folder.files().size());
    folder.folder("runs").deleteAll();
    assertEquals(List.of(), folder.folder("runs").subfolders());
    folder.delete("a.txt");
    folder.delete("a.txt"); // gone already: nothing to do
    assertEquals(List.of(), folder.files());
  }

  @Test
  void aLocalFolder() throws IOException {
    Path local = Files.createDirectories(work.resolve("local"));
    behavesAsAFolder(StoredFolder.local(local));
    assertFalse(Files.exists(local.resolve("runs")), "its folders are removed too");
  }

  @Test
  void aBucketPrefix() throws IOException {
    StoredFolder bucket = StoredFolder.at("s3://folders/prefix");
    assertFalse(bucket.isLocal());
    assertEquals("s3://folders/prefix", bucket.location());
    behavesAsAFolder(bucket);
  }

  @Test
  void parquetIsReadWhereverItIs() throws IOException {
    Path run = TestArchiveRun.publish(work.resolve("run"));
    pointTheFileSystemsAtTheServer();
    S3.server().upload(run, "folders", "run");
    String name = Tables.QUESTIONS.name() + ".parquet";
    try (ParquetFileReader local = ParquetFileReader.open(StoredFolder.local(run).parquet(name));
        ParquetFileReader remote = ParquetFileReader.open(StoredFolder.at("s3://folders/run").parquet(name))) {
      assertTrue(local.getRecordCount() > 0);
      assertEquals(local.getRecordCount(), remote.getRecordCount());
      assertEquals(local.getFooter().getFileMetaData().getSchema(), remote.getFooter().getFileMetaData().getSchema());
    }
  }
}
