package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.model.Provenance;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home page's volume line per story and the story page's list of outlets that never reported it,
 * over the seed story and unrelated articles of other outlets, some on the seed story's day.
 */
class CoverageOverTimeTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static SeedServer server;

  @BeforeAll
  static void start() throws Exception {
    server = SeedServer.start(dir, null, 1 << 20);
    ObjectMapper json = new ObjectMapper();
    String[][] others = {
        {"Riverside Daily Post", "2025-04-28T09:00:00Z", "The city council of Riverside voted on Monday to close the public"
            + " library on Oak Street for three months of roof repairs, the mayor's office said."},
        {"Riverside Daily Post", "2025-04-28T16:00:00Z", "A truck overturned on the Riverside interstate near exit 12 early"
            + " Monday, spilling oranges across three lanes and closing the road for six hours."},
        {"Old Gazette", "2025-03-01T08:00:00Z", "The high school robotics team of Millbrook won the state championship"
            + " with a machine that sorts mail, beating forty other schools in the final round."}};
    StringBuilder lines = new StringBuilder();
    for (String[] o : others) {
      lines.append(json.writeValueAsString(Map.of("source", o[0], "published", o[1], "title", o[2].substring(0, 40),
          "text", o[2] + " " + o[2].replace("the", "this")))).append('\n');
    }
    Pipeline.builder().store(server.store).buildIngestor().ingestInputs(List.of(new BytesInput("others.jsonl",
        Provenance.Kind.FILE, lines.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson")),
        new IngestListener() {});
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Document get(String path) throws Exception {
    HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(server.web.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return Jsoup.parse(res.body());
  }

  @Test
  void theHomePageDrawsOneVolumeLinePerStoryWithItsCountsInWords() throws Exception {
    Document home = get("/");
    List<Element> rows = home.select("#stories tr:has(td)");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    for (Element row : rows) {
      assertThat(row.select("svg.sparkline")).hasSize(1);
      int articles = Integer.parseInt(row.select("td").get(2).text());
      String label = row.selectFirst("svg.sparkline").attr("aria-label");
      assertThat(label).startsWith(articles + (articles == 1 ? " article" : " articles"));
      assertThat(row.selectFirst("svg.sparkline title").text()).isEqualTo(label);
    }
    Element seed = rows.stream().filter(r -> r.text().contains("North Korea Deploys Troops")).findFirst().orElseThrow();
    // five articles: three dated on 28 April (00:00 as a bare date, 10:00, 14:52), two undated
    assertThat(seed.selectFirst("svg.sparkline").attr("aria-label"))
        .isEqualTo("5 articles, 2 undated; per hour: 2025-04-28 00:00 1, 2025-04-28 10:00 1, 2025-04-28 14:00 1");
    assertThat(home.select("script")).isEmpty();
  }

  @Test
  void theVolumeLineCountsPerDayOverLongerStories() {
    List<LocalDateTime> at = new ArrayList<>(Arrays.asList(LocalDateTime.parse("2025-04-01T10:00"),
        LocalDateTime.parse("2025-04-01T12:00"), LocalDateTime.parse("2025-04-04T09:00"), null));
    String svg = Sparkline.svg(at);
    assertThat(Jsoup.parse(svg).selectFirst("svg").attr("aria-label"))
        .isEqualTo("4 articles, 1 undated; per day: 2025-04-01 2, 2025-04-04 1");
    assertThat(Jsoup.parse(svg).select("polyline").attr("points").split(" ")).hasSize(4);
  }

  @Test
  void theStoryPageNamesTheOutletsThatPublishedThatDayButNeverReportedIt() throws Exception {
    Document story = get("/stories/s-1");
    Element absent = story.getElementById("absent");
    assertThat(absent).isNotNull();
    assertThat(absent.text()).contains("on 2025-04-28", "Riverside Daily Post (2 articles)")
        .doesNotContain("Old Gazette", "MENAFN");
    assertThat(story.select("svg.coverage")).hasSize(1);
  }
}
