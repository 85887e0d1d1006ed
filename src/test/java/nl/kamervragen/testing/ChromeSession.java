package nl.kamervragen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Headless Chromium driven by chromedriver over the W3C WebDriver protocol (plain HTTP and JSON).
 * Selenium would do the same, but it would put newer Guava and OpenTelemetry versions on the
 * classpath Beam and Flink run with; the few commands a report check needs are standard.
 */
public final class ChromeSession implements AutoCloseable {

  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process driver;
  private final String base;
  private final String session;

  private ChromeSession(Process driver, String base, String session) {
    this.driver = driver;
    this.base = base;
    this.session = session;
  }

  /** Where chromedriver and Chromium are installed, when both are. */
  public static Optional<Path[]> installation() {
    Optional<Path> driver = DRIVERS.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    Optional<Path> browser = BROWSERS.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    return driver.isPresent() && browser.isPresent() ? Optional.of(new Path[] {driver.get(), browser.get()}) : Optional.empty();
  }

  /** Starts chromedriver on a free loopback port and opens a headless browser window of the given size. */
  public static ChromeSession start(Path chromedriver, Path chromium, int width, int height) throws IOException, InterruptedException {
    int port = FreePorts.loopback();
    Process driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String base = "http://127.0.0.1:" + port;
    ChromeSession probe = new ChromeSession(driver, base, null);
    try {
      probe.awaitReady();
      ObjectNode capabilities = probe.json.createObjectNode();
      ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
      always.put("browserName", "chrome");
      ObjectNode chrome = always.putObject("goog:chromeOptions");
      chrome.put("binary", chromium.toString());
      chrome.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu").add("--disable-dev-shm-usage")
          .add("--window-size=" + width + "," + height).add("--hide-scrollbars");
      always.putObject("goog:loggingPrefs").put("browser", "ALL");
      JsonNode created = probe.send("POST", "/session", capabilities);
      return new ChromeSession(driver, base, created.path("value").path("sessionId").asText());
    } catch (IOException | RuntimeException e) {
      driver.destroyForcibly();
      throw e;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        if (send("GET", "/status", null).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IOException("chromedriver did not start on " + base, notYet);
        }
      }
      Thread.sleep(200);
    }
  }

  public void open(String url) throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode().put("url", url);
    send("POST", "/session/" + session + "/url", body);
  }

  /** Runs a script in the page and returns its value. */
  public JsonNode execute(String script) throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode().put("script", script);
    body.putArray("args");
    return send("POST", "/session/" + session + "/execute/sync", body).path("value");
  }

  /** The browser console's entries since the last call (level and message). */
  public JsonNode consoleLog() throws IOException, InterruptedException {
    return send("POST", "/session/" + session + "/se/log", json.createObjectNode().put("type", "browser")).path("value");
  }

  /** A PNG screenshot of the viewport. */
  public byte[] screenshot() throws IOException, InterruptedException {
    return Base64.getDecoder().decode(send("GET", "/session/" + session + "/screenshot", null).path("value").asText());
  }

  private JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode answer = json.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IOException("chromedriver " + method + " " + path + ": HTTP " + response.statusCode() + " " + answer.path("value").path("message").asText());
    }
    return answer;
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        send("DELETE", "/session/" + session, null);
      }
    } catch (IOException | InterruptedException | RuntimeException ignored) {
      // The driver goes down next either way.
    } finally {
      driver.destroy();
    }
  }
}
