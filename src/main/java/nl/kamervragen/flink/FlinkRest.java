package nl.kamervragen.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The few calls of Flink's REST API that kamervragen makes: overviews, job details, cancelling a job. */
public final class FlinkRest {

  /** Job states from which a job still runs or will run again. */
  private static final Set<String> ACTIVE = Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "FAILING", "RECONCILING");

  private final String address;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  /** @param address the REST API's {@code host:port} */
  public FlinkRest(String address, Duration connectTimeout) {
    this.address = address.replaceFirst("^https?://", "");
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /** GETs a path of the REST API and parses the JSON answer. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(), "GET " + path);
  }

  /** The ids of the jobs with this name that still run (or will run again). */
  public List<String> activeJobsNamed(String name) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (JsonNode job : get("/jobs/overview").path("jobs")) {
      if (job.path("name").asText().equals(name) && ACTIVE.contains(job.path("state").asText())) {
        ids.add(job.path("jid").asText());
      }
    }
    return ids;
  }

  /** Asks the cluster to cancel a job. */
  public void cancel(String jobId) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel")).timeout(Duration.ofSeconds(10))
        .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), "cancel job " + jobId);
  }

  /** The state of a job, such as RUNNING or CANCELED. */
  public String state(String jobId) throws IOException, InterruptedException {
    return get("/jobs/" + jobId).path("state").asText();
  }

  private URI uri(String path) {
    return URI.create("http://" + address + path);
  }

  private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
  }
}
