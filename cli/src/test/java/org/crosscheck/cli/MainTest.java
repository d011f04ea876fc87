package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private String data() {
    return tmp.resolve("data").toString();
  }

  @Test
  void helpOnEverySubcommandPrintsItsUsageAndExitsZero() {
    for (String[] command : List.of(new String[] {"ingest"}, new String[] {"serve"}, new String[] {"report"},
        new String[] {"eval", "clusters"}, new String[] {"eval", "reports"}, new String[] {"bench", "ingest"}, new String[] {"bench", "stream"}, new String[] {"help"},
        new String[] {"outlets"}, new String[] {"outlets", "alias"}, new String[] {"outlets", "rename"},
        new String[] {"follow"}, new String[] {"follow", "add"}, new String[] {"follow", "import"},
        new String[] {"follow", "export"}, new String[] {"follow", "list"}, new String[] {"follow", "remove"},
        new String[] {"watch"})) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
    }
  }

  @Test
  void ingestsTheSeedsThenSaysTheyAreAlreadyStored() {
    Result first = run("ingest", "--data", data(), SharedData.path("seeds").toString());
    assertThat(first.code()).isZero();
    assertThat(first.out()).contains("5 added, 0 already stored, 0 rejected, from 5 inputs")
        .contains("MENAFN | 2025-04-28 | North Korea Deploys Troops in Russia Under Military Pact")
        .contains("unknown (004_0b0ccfb8523443b8.txt) | unknown");
    Result second = run("ingest", "--data", data(), SharedData.path("seeds").toString());
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("0 added, 5 already stored").contains("All 5 articles were already stored");
  }

  @Test
  void exitsWithOneWhenSomeInputsAreRejectedAndNamesThem() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    Result r = run("ingest", "--data", data(), empty.toString(), SharedData.path("seeds").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("rejected: " + empty + ": empty file (0 bytes)");
    assertThat(r.out()).contains("5 added, 0 already stored, 1 rejected");
  }

  @Test
  void fetchesFromThisMachineOnlyWithAllowPrivateUrls() throws Exception {
    com.sun.net.httpserver.HttpServer site =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] feed = java.util.Objects.requireNonNull(MainTest.class.getResourceAsStream("/feeds/rss2-full.xml"),
        "the core tests' feed fixture").readAllBytes();
    site.createContext("/feed.xml", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, feed.length);
      ex.getResponseBody().write(feed);
      ex.close();
    });
    site.start();
    try {
      String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/feed.xml";
      Result refused = run("ingest", "--data", data(), url);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("rejected: " + url + ": refused: 127.0.0.1 is a loopback address (to fetch"
          + " from this machine or a private network, start with --allow-private-urls)");

      Result allowed = run("ingest", "--data", data(), "--allow-private-urls", url);
      assertThat(allowed.code()).as(allowed.err()).isZero();
      assertThat(allowed.out()).containsPattern("(?m)^[1-9][0-9]* added, 0 already stored, 0 rejected, from 1 input");
    } finally {
      site.stop(0);
    }
  }

  @Test
  void exitsWithTwoOnUsageErrors() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("ingest").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("ingest", "--timeout", "-1", "x").code()).isEqualTo(2);
    assertThat(run("show", " ").code()).isEqualTo(2);
  }

  @Test
  void exitsWithThreeWhenTheDataDirectoryCannotBeUsed() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Result r = run("ingest", "--data", file.toString(), SharedData.path("seeds").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("crosscheck: cannot create the data directory " + file);
  }

  @Test
  void listsAndShowsStoredArticles() throws Exception {
    run("ingest", "--data", data(), SharedData.path("seeds").toString());
    Result list = run("articles", "--data", data());
    assertThat(list.out()).contains("ID", "PUBLISHED", "OUTLET", "Arirang News", "5 of 5 articles");
    Result json = run("articles", "--data", data(), "--json");
    JsonNode array = new ObjectMapper().readTree(json.out());
    assertThat(array).hasSize(5);
    String id = array.get(0).get("id").asText();
    assertThat(array.get(0).get("outlet").asText()).isEqualTo("MENAFN");
    assertThat(array.get(0).has("text")).isFalse();
    Result show = run("show", "--data", data(), id);
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("outlet:    MENAFN", "published: 2025-04-28", "(MENAFN) North Korea officially");
    JsonNode one = new ObjectMapper().readTree(run("show", "--data", data(), id, "--json").out());
    assertThat(one.get("text").asText()).startsWith("(MENAFN)");
    Result missing = run("show", "--data", data(), "no-such-id");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no article with id 'no-such-id'");
  }

  @Test
  void showsAnArticleByItsSourceIdAndListsTheCandidatesWhenSeveralShareIt() {
    run("ingest", "--data", data(), SharedData.path("basil-2010-2016.jsonl").toString());
    Result one = run("show", "--data", data(), "basil-d2e17368-b2da-4ee4-a7d9-8a5cccdebefd");
    assertThat(one.code()).isZero();
    assertThat(one.out()).contains("source id: basil-d2e17368-b2da-4ee4-a7d9-8a5cccdebefd",
        "title:     Michael Steele Criticized for Afghanistan Comments");
    Result many = run("show", "--data", data(), "basil-empty");
    assertThat(many.code()).isEqualTo(1);
    assertThat(many.err()).contains("4 articles have the source id 'basil-empty'", "Trump Pulling Out Of Debate");
  }

  @Test
  void groupsTheSeedsIntoOneStoryAndShowsIt() {
    Result ingest = run("ingest", "--data", data(), SharedData.path("seeds").toString());
    assertThat(ingest.out()).contains("stories: 4 articles joined existing stories, 1 new stories");
    Result stories = run("stories", "--data", data());
    assertThat(stories.code()).isZero();
    assertThat(stories.out()).contains("s-1", "North Korea Deploys Troops in Russia Under Military Pact",
        "1 stories over 5 articles");
    Result story = run("story", "--data", data(), "s-1");
    assertThat(story.code()).isZero();
    assertThat(story.out()).contains("coverage:  5 articles, 5 outlets", "outlets:   MENAFN, Arirang News, The Gaze",
        "published: 2025-04-28 to 2025-04-28");
    assertThat(run("story", "--data", data(), "s-99").code()).isEqualTo(1);
    assertThat(run("story", "--data", data(), "nonsense").code()).isEqualTo(2);
  }

  /** @return the seed story's files, all of which but the last are ingested */
  private List<String> ingestTheSeedsButTheLast() {
    List<String> seeds = SharedData.seedFiles();
    List<String> first = new java.util.ArrayList<>(List.of("ingest", "--data", data()));
    first.addAll(seeds.subList(0, seeds.size() - 1));
    run(first.toArray(String[]::new));
    return seeds;
  }

  @Test
  void showsWhatChangedInAStorysReportWhenAnArticleJoins() throws Exception {
    List<String> seeds = ingestTheSeedsButTheLast();
    Result one = run("story", "--data", data(), "s-1", "--changes");
    assertThat(one.code()).isZero();
    assertThat(one.out()).contains("one version of its report: no changes yet");
    run("ingest", "--data", data(), seeds.getLast());
    Result two = run("story", "--data", data(), "s-1", "--changes");
    assertThat(two.code()).as(two.err()).isZero();
    assertThat(two.out()).contains("## Version 1 → 2", "1 new article, 1 new outlet", "**New outlets:**", "**New facts:**");
    JsonNode json = new ObjectMapper().readTree(run("story", "--data", data(), "s-1", "--changes", "--since", "1",
        "--json").out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("newOutlets")).hasSize(1);
    assertThat(json.get(0).get("newFacts").get(0).get("evidence").get(0).get("article").asText()).isNotBlank();
    Result bad = run("story", "--data", data(), "s-1", "--changes", "--since", "9");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("invalid --since: story s-1 has no report version 9");
    assertThat(run("story", "--data", data(), "s-1", "--since", "1").err()).contains("--since needs --changes");
  }

  @Test
  void followsAStoryAndRaisesItsNewOutletOnceAndRefusesALoopbackWebhook() throws Exception {
    List<String> seeds = ingestTheSeedsButTheLast();
    assertThat(run("alerts", "watch", "colour", "red", "--data", data()).err()).contains("no watch kind 'colour'");
    assertThat(run("alerts", "watch", "story", "s-x", "--data", data()).code()).isEqualTo(2);
    Result watch = run("alerts", "watch", "story", "s-1", "--data", data());
    assertThat(watch.out()).startsWith("watch 1: story s-1 (since ");
    assertThat(run("alerts", "check", "--data", data()).out()).contains("0 alerts raised, 0 of 0 deliveries made");
    run("ingest", "--data", data(), seeds.getLast());
    Result check = run("alerts", "check", "--data", data());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("new-outlet", "now reports s-1");
    assertThat(run("alerts", "check", "--data", data()).out()).as("raised once")
        .contains("0 alerts raised");
    JsonNode recent = new ObjectMapper().readTree(run("alerts", "recent", "--json", "--data", data()).out());
    assertThat(recent).isNotEmpty();
    assertThat(recent).anySatisfy(a -> {
      assertThat(a.get("kind").asText()).isEqualTo("new-outlet");
      assertThat(a.get("story").asText()).isEqualTo("s-1");
      assertThat(a.get("event").get("item").get("outlet").asText()).isNotBlank();
    });
    assertThat(run("alerts", "list", "--data", data()).out()).contains("story s-1");

    Result refused = run("alerts", "webhook", "add", "http://127.0.0.1:9/hook", "--data", data());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("webhook http://127.0.0.1:9/hook refused: 127.0.0.1 is a loopback address");
    Result added = run("alerts", "webhook", "add", "http://127.0.0.1:9/hook", "--allow-private-urls", "--data", data());
    assertThat(added.out()).contains("webhook 1: http://127.0.0.1:9/hook").containsPattern("secret: [0-9a-f]{64}");
    assertThat(run("alerts", "unwatch", "1", "--data", data()).out()).contains("removed watch 1");
    assertThat(run("alerts", "unwatch", "1", "--data", data()).code()).isEqualTo(1);
  }

  @Test
  void reportsSplitsAtIngestAndShowsThemOnBothStories() {
    Result ingest = run("ingest", "--data", data(), SharedData.path("ecbplus-train-dev.jsonl").toString());
    assertThat(ingest.code()).isZero();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(", (\\d+) stories split in two").matcher(ingest.out());
    assertThat(m.find()).as(ingest.out()).isTrue();
    try (var store = org.crosscheck.store.Store.openForReading(java.nio.file.Path.of(data())).orElseThrow()) {
      assertThat(store.splits()).hasSize(Integer.parseInt(m.group(1)));
      var split = store.splits().getFirst();
      assertThat(run("story", "--data", data(), split.from().value()).out())
          .contains("split:     " + split.moved().size() + " articles of another event moved to " + split.into());
      assertThat(run("story", "--data", data(), split.into().value()).out())
          .contains("split:     split off " + split.from() + ", another event");
    }
  }

  @Test
  void evalRefusesAMissingFile() {
    Result r = run("eval", "clusters", tmp.resolve("none.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("none.jsonl: no such file");
  }

  @Test
  void evalClustersThroughTheStreamEngineScoresAsTheEmbeddedEngine() throws Exception {
    java.nio.file.Path slice = tmp.resolve("slice.jsonl");
    java.nio.file.Files.write(slice, java.nio.file.Files.readAllLines(SharedData.path("ecbplus-train-dev.jsonl"))
        .subList(0, 60));
    Result embedded = run("eval", "clusters", slice.toString());
    Result stream = run("eval", "clusters", "--engine", "stream", slice.toString());
    assertThat(stream.code()).as(stream.err()).isZero();
    List<String> scores = embedded.out().lines().filter(l -> l.matches("(BCubed|pairwise|stories|copies):.*")).toList();
    assertThat(scores).hasSize(4);
    assertThat(stream.out().lines().filter(l -> l.matches("(BCubed|pairwise|stories|copies):.*")).toList())
        .isEqualTo(scores);
    Result bogus = run("eval", "clusters", "--engine", "spark", slice.toString());
    assertThat(bogus.code()).isEqualTo(2);
    assertThat(bogus.err()).contains("--engine must be embedded or stream, was 'spark'");
  }

  @Test
  void exportsWhatReportsHoldAndSaysWhichStoriesHaveNone() throws Exception {
    run("ingest", "--data", data(), SharedData.path("seeds").toString());
    Result none = run("export", "quotes", "--data", data());
    assertThat(none.code()).isZero();
    assertThat(none.out().strip()).isEqualTo("story,speaker,quote,outlet,attribution,articles,evidence");
    assertThat(none.err()).contains("1 story has no report yet and is left out; add --build-reports to build it");
    java.nio.file.Path file = tmp.resolve("quotes.csv");
    Result built = run("export", "quotes", "--data", data(), "--build-reports", "-o", file.toString());
    assertThat(built.code()).as(built.err()).isZero();
    var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(java.nio.file.Files.newBufferedReader(file)).getRecords();
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("story")).isEqualTo("s-1"));
    assertThat(built.err()).contains(rows.size() + " rows written to " + file);
    Result bad = run("export", "tweets", "--data", data());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("nothing to export called 'tweets'");
  }

  @Test
  void ingestSendsToTheEngineOnlyWhereADestinationIsKnownAndStoresNothingHere() {
    Result unknown = run("ingest", "--data", data(), "--send-to", "pigeon://loft/news",
        SharedData.path("seeds").toString());
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("no destination is known by pigeon:// (known: kafka://)");
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(data()))).as("no store is made").isFalse();
    Result noStore = run("stories", "--data", "nosuch://x");
    assertThat(noStore.code()).isEqualTo(3);
    assertThat(noStore.err()).contains("no kind of store is known by nosuch://, in nosuch://x");
  }

  @Test
  void evalReportsRefusesMissingFilesAndGoldItCannotRead() throws Exception {
    String articles = SharedData.path("basil-2010-2016.jsonl").toString();
    Result missing = run("eval", "reports", tmp.resolve("none.json").toString(), articles);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json: no such file");
    java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.json"), "[1, 2]");
    Result unreadable = run("eval", "reports", bad.toString(), articles);
    assertThat(unreadable.code()).isEqualTo(2);
    assertThat(unreadable.err()).contains("bad.json: not report gold");
    assertThat(run("eval", "reports", bad.toString()).code()).as("no articles").isEqualTo(2);
  }

  @Test
  void benchAnalyzeRefusesBadArgumentsAndPrintsTokensPerSecond() {
    for (String bench : List.of("ingest", "warc")) {
      Result none = run("bench", bench, "--corpus", tmp.resolve("none.jsonl").toString());
      assertThat(none.code()).as(bench).isEqualTo(2);
      assertThat(none.err()).as(bench).contains("none.jsonl: no such file (--corpus)");
    }
    Result missing = run("bench", "analyze", "--corpus", tmp.resolve("none.jsonl").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.jsonl: no such file (--corpus)");
    assertThat(run("bench", "analyze", "--corpus", SharedData.path("basil-2010-2016.jsonl").toString(), "--threads", "0")
        .err()).contains("must be at least 1");
    Result r = run("bench", "analyze", "--corpus", SharedData.path("basil-2010-2016.jsonl").toString(), "--limit", "3",
        "--threads", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("TOKENS/S").containsPattern("\\n\\s+1\\s+3\\s+[\\d,]+\\s");
  }

  @Test
  void reportsTheSeedStoryAsMarkdownAndJsonAndRefusesUnknownStories() throws Exception {
    Result none = run("report", "--data", data(), "s-1");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no store in");
    run("ingest", "--data", data(), SharedData.path("seeds").toString());
    Result md = run("report", "--data", data(), "s-1");
    assertThat(md.code()).isZero();
    assertThat(md.out()).startsWith("# North Korea Deploys Troops in Russia Under Military Pact")
        .contains("**2025-04-26**", "### Koo Byung-sam (person)", "**2024-06** — The Gaze", "**2024-12**",
            "15,800 containers");
    Result json = run("report", "--data", data(), "s-1", "--format", "json");
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(node.at("/story/id").asText()).isEqualTo("s-1");
    assertThat(node.get("timeline").size()).isGreaterThan(3);
    Result html = run("report", "--data", data(), "s-1", "--format", "html");
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<h2>Conflicts</h2>", "<cite title=");
    assertThat(run("report", "--data", data(), "s-9").err()).contains("no story 's-9'");
    assertThat(run("report", "--data", data(), "s-1", "--format", "pdf").code()).isEqualTo(2);
  }

  @Test
  void evalQuotesRefusesAFolderThatIsNotPolNear() {
    assertThat(run("eval", "quotes", tmp.resolve("none").toString()).err()).contains("none: no such folder");
    Result r = run("eval", "quotes", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a PolNeAR-format folder (it needs text/ and attributions/)");
  }

  @Test
  void evalDatesRefusesAMissingOrEmptyFolderAndScoresTimeMl() throws Exception {
    Result missing = run("eval", "dates", tmp.resolve("none").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none: no such folder");
    java.nio.file.Path empty = java.nio.file.Files.createDirectories(tmp.resolve("empty"));
    Result nothing = run("eval", "dates", empty.toString());
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("no TimeML (.tml) files");
    assertThat(run("eval", "dates", "--limit", "0", empty.toString()).err()).contains("--limit must be at least 1");
    Result r = run("eval", "dates", "--limit", "3", SharedData.path("tempeval3-train").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("files:     3 TimeML documents", "strict:    precision", "value:     accuracy");
  }

  @Test
  void listingAnEmptyDataDirectorySaysSo() {
    Result r = run("articles", "--data", data());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("No articles stored in");
  }

  @Test
  void demoIngestsTheBundledSampleOnce() {
    Result first = run("demo", "--data", data());
    assertThat(first.code()).isZero();
    assertThat(first.out()).contains("5 added, 0 already stored, 0 rejected").contains("MENAFN", "Arirang News",
        "The Gaze", "unknown (004_0b0ccfb8523443b8.txt)");
    assertThat(first.out()).contains("Their story's report (./crosscheck report s-1):",
        "# North Korea Deploys Troops in Russia Under Military Pact", "## Conflicts", "**2024-06** — The Gaze");
    Result second = run("demo", "--data", data());
    assertThat(second.out()).contains("0 added, 5 already stored", "## Consensus");
  }

  @Test
  void listsAndShowsStoriesAsJson() throws Exception {
    assertThat(run("stories", "--data", data(), "--json").out().strip()).as("no store yet").isEqualTo("[]");
    run("ingest", "--data", data(), SharedData.path("seeds").toString());
    JsonNode stories = new ObjectMapper().readTree(run("stories", "--data", data(), "--json").out());
    assertThat(stories).hasSize(1);
    assertThat(stories.get(0).get("id").asText()).isEqualTo("s-1");
    assertThat(stories.get(0).get("outlets").asInt()).isEqualTo(5);
    assertThat(stories.get(0).get("outletNames")).hasSize(5);
    assertThat(stories.get(0).get("first").asText()).isEqualTo("2025-04-28");
    JsonNode story = new ObjectMapper().readTree(run("story", "s-1", "--data", data(), "--json").out());
    assertThat(story.get("story").get("headline").asText()).isEqualTo(stories.get(0).get("headline").asText());
    assertThat(story.get("articles")).hasSize(5);
    assertThat(story.get("articles").get(0).get("article").get("outlet").asText()).isEqualTo("MENAFN");
    assertThat(story.get("articles").get(0).get("article").has("text")).isFalse();
    assertThat(run("stories", "--data", data(), "--limit", "-1").code()).isEqualTo(2);
    for (String command : List.of("ingest", "follow", "watch", "articles", "show", "stories", "story", "outlets", "report",
        "serve", "demo", "eval", "bench")) {
      Result help = run(command, "--help");
      assertThat(help.code()).as(command + " --help").isZero();
      assertThat(help.out()).as(command + " --help").startsWith("Usage: crosscheck " + command);
    }
  }

  @Test
  void listsBasilsThreeOutletsOnceEachAndEditsTheRegistry() throws Exception {
    assertThat(run("outlets", "--data", data()).out()).contains("No outlets in");
    run("ingest", "--data", data(), SharedData.path("basil-2010-2016.jsonl").toString());
    Result list = run("outlets", "--data", data());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("KEY", "NAME", "ARTICLES", "ALIASES", "3 outlets in")
        .containsPattern("nytimes\\.com +The New York Times +70 +NYT")
        .containsPattern("foxnews\\.com +Fox News +70 +FOX")
        .containsPattern("huffpost\\.com +HuffPost +70 +HPO");
    JsonNode before = new ObjectMapper().readTree(run("outlets", "--data", data(), "--json").out());
    assertThat(before).hasSize(3);
    assertThat(before.findValuesAsText("articles")).containsOnly("70");
    JsonNode stories = new ObjectMapper().readTree(run("stories", "--data", data(), "--json").out());
    assertThat(stories.findValues("outletNames")).allSatisfy(names -> assertThat(names.size()).isLessThanOrEqualTo(3));
    JsonNode articles = new ObjectMapper().readTree(run("articles", "--data", data(), "--json", "--limit", "300").out());
    for (JsonNode a : articles) {
      if (a.get("outlet").asText().equals("HPO")) {
        assertThat(a.get("outletDisplay").asText()).isEqualTo("HuffPost");
        assertThat(a.get("outletKey").asText()).isEqualTo("huffpost.com");
      }
    }

    // bad input gets a clear message naming it and changes nothing
    Result unknown = run("outlets", "alias", "Gray Lady", "Daily Planet", "--data", data());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no outlet goes by 'Daily Planet'", "crosscheck outlets");
    Result empty = run("outlets", "alias", " ", "NYT", "--data", data());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("ALIAS must not be empty");
    Result key = run("outlets", "alias", "foxnews.com", "NYT", "--data", data());
    assertThat(key.code()).isEqualTo(1);
    assertThat(key.err()).contains("'foxnews.com' is the key of the outlet Fox News");
    assertThat(run("outlets", "rename", "Daily Planet", "X", "--data", data()).code()).isEqualTo(1);
    assertThat(run("outlets", "rename", "NYT", "", "--data", data()).err()).contains("NAME must not be empty");
    assertThat(new ObjectMapper().readTree(run("outlets", "--data", data(), "--json").out())).isEqualTo(before);
    Path none = tmp.resolve("none");
    assertThat(run("outlets", "alias", "x", "y", "--data", none.toString()).code()).isEqualTo(1);
    assertThat(none).as("a failed edit creates no store").doesNotExist();

    Result alias = run("outlets", "alias", "Gray Lady", "nyt", "--data", data());
    assertThat(alias.code()).as(alias.err()).isZero();
    assertThat(alias.out()).contains("'Gray Lady' is now a name of The New York Times (nytimes.com)");
    Result rename = run("outlets", "rename", "Gray Lady", "New York Times Co.", "--data", data());
    assertThat(rename.out()).contains("nytimes.com is now shown as New York Times Co. (was The New York Times)");
    assertThat(run("outlets", "--data", data()).out())
        .containsPattern("nytimes\\.com +New York Times Co\\. +70 +NYT, Gray Lady, The New York Times");
    assertThat(run("story", "s-1", "--data", data()).out()).contains("New York Times Co.");
  }
}
