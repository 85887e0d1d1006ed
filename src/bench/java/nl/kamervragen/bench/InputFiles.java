package nl.kamervragen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The files of an input folder, as the benchmark's plain-Java passes read them. */
record InputFiles(Path root, List<Path> files) {

  static InputFiles under(String folder) throws IOException {
    Path root = Path.of(folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("--input is not a folder: " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return new InputFiles(root, walk.filter(Files::isRegularFile).sorted().toList());
    }
  }

  String name(Path file) {
    return root.relativize(file).toString();
  }

  static boolean compressed(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return compressed(file) ? new GZIPInputStream(in, 1 << 16) : in;
  }

  static int threads(int requested) {
    return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
  }
}
