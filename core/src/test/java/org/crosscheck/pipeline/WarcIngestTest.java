package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crosscheck.ingest.WarcArticleImporter;
import org.crosscheck.ingest.WarcFilter;
import org.crosscheck.ingest.WarcFixture;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

/** Web archives through the whole ingest: stored, checked for duplicates, put in stories, counted. */
class WarcIngestTest {
  @TempDir Path tmp;

  /** Three BASIL stories told by three outlets each, crawled into one archive with a PDF among them. */
  private List<Long> writeCrawl(Path file, List<WarcFixture.Story> stories) throws IOException {
    try (WarcFixture w = new WarcFixture(file, WarcCompression.GZIP)) {
      w.warcinfo();
      for (WarcFixture.Story s : stories) {
        w.page(s.url(), LocalDate.parse(s.published()).plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC),
            WarcFixture.page(s, true));
      }
      Instant t = Instant.parse("2016-09-01T08:15:00Z");
      w.request("https://www.foxnews.com/images/logo.png", t);
      w.response("https://www.foxnews.com/images/logo.png", t, 200, "OK", "image/png",
          new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, null);
      return w.offsets();
    }
  }

  @Test
  void storiesAreBuiltFromTheArticlesOfAWebArchive() throws IOException {
    Path file = tmp.resolve("CC-NEWS-20100705.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(9);
    writeCrawl(file, stories);

    try (Store store = Store.open(tmp.resolve("data"))) {
      IngestSummary summary = Pipeline.builder().store(store).buildIngestor()
          .ingest(List.of(file.toString()), new IngestListener() {});

      assertThat(summary.rejections()).isEmpty();
      assertThat(summary.counts().added()).isEqualTo(9);
      assertThat(summary.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "warcinfo", 1L, "request", 10L, "metadata", 9L, WarcArticleImporter.NOT_HTML, 1L));
      assertThat(summary.skippedTotal()).isEqualTo(21);
      assertThat(summary.newStories()).isEqualTo(3);

      // the stories are BASIL's: each story's three outlets together, and the three stories apart
      Map<String, String> basilStoryOfUrl = stories.stream()
          .collect(Collectors.toMap(WarcFixture.Story::url, WarcFixture.Story::story));
      Map<ArticleId, StoryId> assigned = store.allAssignments();
      Map<StoryId, Set<String>> built = new HashMap<>();
      for (Article a : store.list(0, 100)) {
        built.computeIfAbsent(assigned.get(a.id()), k -> new HashSet<>()).add(basilStoryOfUrl.get(a.url()));
      }
      assertThat(built).hasSize(3);
      assertThat(built.values()).allSatisfy(basil -> assertThat(basil).hasSize(1));
    }
  }

  @Test
  void aCutArchiveKeepsWhatWasStoredAndTheRestIsAddedWhenTheWholeFileComes() throws IOException {
    Path whole = tmp.resolve("whole.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(9);
    List<Long> offsets = writeCrawl(whole, stories);
    // cut in the middle of the response record of the seventh page
    int cutRecord = 1 + 6 * 3 + 1;
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = tmp.resolve("cut.warc.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, (int) ((offsets.get(cutRecord) + offsets.get(cutRecord + 1)) / 2)));
    Path other = tmp.resolve("after.txt");
    Files.writeString(other, stories.get(8).text().replace("Michael Steele", "The chairman"), StandardCharsets.UTF_8);

    try (Store store = Store.open(tmp.resolve("data"))) {
      var ingestor = Pipeline.builder().store(store).buildIngestor();
      IngestSummary first = ingestor.ingest(List.of(cut.toString(), other.toString()), new IngestListener() {});

      // six pages before the cut, and the input after the damaged archive is read too
      assertThat(first.counts().added()).isEqualTo(7);
      assertThat(first.rejections()).singleElement().satisfies(r -> {
        assertThat(r.input()).isEqualTo(cut.toString());
        assertThat(r.message()).contains("record " + (cutRecord + 1) + " at byte").contains("damaged or cut off");
      });

      IngestSummary second = ingestor.ingest(List.of(whole.toString()), new IngestListener() {});
      assertThat(second.counts().alreadyStored()).isEqualTo(6);
      assertThat(second.counts().added()).isEqualTo(3);
      assertThat(store.count()).isEqualTo(10);
    }
  }

  @Test
  void theFiltersOfThePipelineApplyToWebArchives() throws IOException {
    Path file = tmp.resolve("crawl.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(9);
    writeCrawl(file, stories);
    long foxNews = stories.stream().filter(s -> s.url().contains("foxnews.com")).count();

    try (Store store = Store.open(tmp.resolve("data"))) {
      IngestSummary summary = Pipeline.builder().store(store)
          .warcFilter(new WarcFilter(List.of("foxnews.com"), null, null, "en")).buildIngestor()
          .ingest(List.of(file.toString()), new IngestListener() {});

      assertThat(summary.counts().added()).isEqualTo(foxNews);
      assertThat(store.list(0, 100)).extracting(Article::outlet).containsOnly("Fox News");
      assertThat(summary.skipped()).containsEntry(WarcFilter.OUTSIDE_HOST, 9 - foxNews);
    }
  }
}
