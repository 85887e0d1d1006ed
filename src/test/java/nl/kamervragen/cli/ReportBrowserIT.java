package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import nl.kamervragen.report.ReportWriter;
import nl.kamervragen.testing.ChromeSession;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a run's report.html in headless Chromium, offline, and checks that it renders without a
 * console error, loads nothing, shows every chart with a size, and paints a screenshot that is
 * not blank. Needs the Debian packages chromium and chromium-driver (.ci/run installs them); skipped
 * without them unless KAMERVRAGEN_REQUIRE_BROWSER=true, as CI sets it.
 */
class ReportBrowserIT {

  @TempDir Path work;

  @Test
  void theReportRendersInABrowserWithEveryChart() throws Exception {
    Optional<Path[]> chrome = ChromeSession.installation();
    if (chrome.isEmpty()) {
      assertTrue(!"true".equals(System.getenv("KAMERVRAGEN_REQUIRE_BROWSER")),
          "KAMERVRAGEN_REQUIRE_BROWSER is set but chromium and chromium-driver are not installed");
      // Maven prints only "Skipped: 1"; say why in the build output too.
      String reason = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
      System.out.println("ReportBrowserIT skipped: " + reason);
      assumeTrue(false, reason);
    }
    Path input = work.resolve("archive");
    TestArchive.write(input);
    Path output = work.resolve("out");
    MainRun run = MainRun.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2");
    assertEquals(0, run.exitCode(), run.printed());
    Path report = output.resolve(ReportWriter.FILE_NAME);

    try (ChromeSession browser = ChromeSession.start(chrome.get()[0], chrome.get()[1], 1000, 1400)) {
      browser.open(report.toUri().toString());
      assertEquals("complete", browser.execute("return document.readyState").asText());
      assertEquals(0, browser.execute("return performance.getEntriesByType('resource').length").asInt(), "the page loaded nothing");

      for (String id : ReportWriter.CHART_IDS) {
        JsonNode box = browser.execute(
            "const e = document.getElementById('" + id + "'); if (!e) return null;"
                + " const r = e.getBoundingClientRect(); return {width: r.width, height: r.height,"
                + " marks: e.querySelectorAll('rect.bar, rect.swatch, polyline').length};");
        assertTrue(!box.isNull(), id + " is on the page");
        assertTrue(box.path("width").asDouble() > 300 && box.path("height").asDouble() > 50, id + " has a size: " + box);
        assertTrue(box.path("marks").asInt() > 0, id + " draws data: " + box);
      }

      List<String> problems = new ArrayList<>();
      for (JsonNode entry : browser.consoleLog()) {
        if (!entry.path("level").asText().equals("INFO") && !entry.path("level").asText().equals("DEBUG")) {
          problems.add(entry.path("level").asText() + " " + entry.path("message").asText());
        }
      }
      assertEquals(List.of(), problems, "console messages");

      byte[] png = browser.screenshot();
      Files.write(work.resolve("report.png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertTrue(image.getWidth() >= 900 && image.getHeight() >= 1200, image.getWidth() + "x" + image.getHeight());
      Set<Integer> colours = new HashSet<>();
      long inked = 0;
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          int rgb = image.getRGB(x, y) & 0xFFFFFF;
          colours.add(rgb);
          if (rgb != 0xFFFFFF) {
            inked++;
          }
        }
      }
      long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
      assertTrue(inked > sampled / 20, "at least 5 % of the screenshot is not white: " + inked + " of " + sampled);
      assertTrue(colours.size() > 20, "the screenshot has text and chart colours: " + colours.size());
    }
  }
}
