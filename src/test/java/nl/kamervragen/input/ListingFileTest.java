package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing file read block by block: chunks of consecutive entries, all of them, in order. */
class ListingFileTest {

  private static List<ListedEntry> entries(int count) {
    List<ListedEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Names long enough that a block of them is past Avro's default interval between blocks (64,000 bytes).
      String name = String.format("%s/2019Z%05d.txt", "folder-with-a-long-name-".repeat(12), i);
      entries.add(new ListedEntry(name, "/archive/" + name, EntryKind.FILE, 5800L + i, 1_000_000L * i, "key" + i, null, null));
    }
    return entries;
  }

  private static byte[] listing(List<ListedEntry> entries) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    assertEquals(entries.size(), ListingFile.write(file, entries.iterator()));
    return file.toByteArray();
  }

  /** The entries of a listing file read block by block, as the pipeline reads it; each block's size added to {@code sizes}. */
  private static List<ListedEntry> readBlockByBlock(byte[] listing, List<Integer> sizes) throws IOException {
    List<ListedEntry> read = new ArrayList<>();
    ListingFile.BlockDecoder decoder = new ListingFile.BlockDecoder();
    try (ListingFile.Sequence<ListingFile.Block> blocks = ListingFile.readBlocks(new ByteArrayInputStream(listing))) {
      while (blocks.hasNext()) {
        ListingFile.Block block = blocks.next();
        sizes.add(block.entries());
        read.addAll(decoder.entries(block));
      }
    }
    return read;
  }

  @Test
  void everyBlockButTheLastHoldsAChunkOfEntriesInListingOrder() throws IOException {
    List<ListedEntry> listed = entries(2 * ListingFile.ENTRIES_PER_BLOCK + 88);
    List<Integer> sizes = new ArrayList<>();
    List<ListedEntry> read = readBlockByBlock(listing(listed), sizes);
    assertEquals(List.of(ListingFile.ENTRIES_PER_BLOCK, ListingFile.ENTRIES_PER_BLOCK, 88), sizes);
    assertEquals(listed, read);
    // The same file read entry by entry, as the check before publishing reads it.
    List<ListedEntry> again = new ArrayList<>();
    try (ListingFile.Sequence<ListedEntry> reader = ListingFile.read(new ByteArrayInputStream(listing(listed)))) {
      reader.forEachRemaining(again::add);
    }
    assertEquals(listed, again);
  }

  @Test
  void writingAListingTakesLittleMemory() throws IOException {
    // The interval between blocks once made Avro allocate a 1 GB buffer for every listing.
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    listing(entries(10));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 64L << 20, allocated + " bytes allocated to write ten entries");
  }

  @Test
  void entriesTooLargeForABlockEndItEarlyAndAreAllRead() throws IOException {
    List<ListedEntry> listed = new ArrayList<>();
    for (int i = 0; i < ListingFile.ENTRIES_PER_BLOCK + 10; i++) {
      String reason = "a very long reason ".repeat(1_200) + i; // 22 KB, more than a block leaves an entry
      listed.add(ListedEntry.rejected("f" + i + ".txt", EntryKind.FIFO, null, reason));
    }
    List<Integer> sizes = new ArrayList<>();
    List<ListedEntry> read = readBlockByBlock(listing(listed), sizes);
    assertEquals(listed, read);
    assertTrue(sizes.get(0) < ListingFile.ENTRIES_PER_BLOCK, sizes.toString());
  }

  @Test
  void aBlockThatDoesNotHoldWhatItSaysIsDamaged() throws IOException {
    ListingFile.Block block;
    try (ListingFile.Sequence<ListingFile.Block> blocks = ListingFile.readBlocks(new ByteArrayInputStream(listing(entries(3))))) {
      block = blocks.next();
    }
    ListingFile.BlockDecoder decoder = new ListingFile.BlockDecoder();
    IOException more = assertThrows(IOException.class, () -> decoder.entries(new ListingFile.Block(2, block.data())));
    assertTrue(more.getMessage().contains("more than its 2 entries"), more.getMessage());
    IOException fewer = assertThrows(IOException.class, () -> decoder.entries(new ListingFile.Block(4, block.data())));
    assertTrue(fewer.getMessage().startsWith("the run's listing file is damaged"), fewer.getMessage());
    // A count no block holds is damage too, not a request for that much memory.
    assertThrows(IOException.class, () -> decoder.entries(new ListingFile.Block(Integer.MAX_VALUE, block.data())));
    assertThrows(IOException.class, () -> decoder.entries(new ListingFile.Block(-1, block.data())));
    assertEquals(3, decoder.entries(block).size());
  }
}
