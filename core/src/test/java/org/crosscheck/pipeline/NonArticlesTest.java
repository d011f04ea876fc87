package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosscheck.store.StoreAssertions.assertEveryArticleFinished;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.Article;
import org.crosscheck.model.TextKind;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages that are not articles are stored with the reason, and kept out of duplicates, stories and counts. */
class NonArticlesTest {
  @TempDir Path tmp;

  private static final String STUB = "Just One More Thing...\\n\\nWe have sent you a verification email. Please check"
      + " your email and click on the link to activate your profile.\\n\\nIf you do not receive the verification"
      + " message within a few minutes of signing up, please check your Spam or Junk folder.";

  private static String line(String outlet, String story, String text) {
    return "{\"source\": \"" + outlet + "\", \"published\": \"2014-03-02\", \"story\": \"" + story + "\", \"text\": \""
        + text + "\"}";
  }

  @Test
  void identicalNoticesOfTwoOutletsAreStoredAsNotArticlesInNoStoryAndNoCopies() throws Exception {
    String real = "Two men were shot late Saturday outside a bar on Main Street in Springfield, police said. Both"
        + " were taken to Mercy Hospital, where one of them died early Sunday. No arrests have been made, and"
        + " detectives asked anyone who saw the shooting to call them.";
    Path file = Files.write(tmp.resolve("crawl.jsonl"), List.of(line("Springfield News", "g1", STUB),
        line("Shelby Star", "g2", STUB), line("Springfield News", "g1", real)));
    try (Store store = Store.open(tmp.resolve("data"))) {
      List<Article> duplicates = new ArrayList<>();
      IngestSummary s = Pipeline.builder().store(store).buildIngestor().ingest(List.of(file.toString()),
          new IngestListener() {
            @Override
            public void duplicate(Article copy, org.crosscheck.store.SketchStore.DuplicateLink link) {
              duplicates.add(copy);
            }
          });
      assertThat(s.counts().added()).isEqualTo(1);
      assertThat(s.counts().notArticles()).isEqualTo(2);
      assertThat(s.newStories()).isEqualTo(1);
      assertThat(duplicates).isEmpty();
      List<Article> stored = store.list(0, 10);
      assertThat(stored).hasSize(3);
      assertThat(stored).filteredOn(a -> a.textKind() == TextKind.NOT_ARTICLE).hasSize(2).allSatisfy(a -> {
        assertThat(a.notes().getFirst()).startsWith("not an article: an e-mail verification notice");
        assertThat(store.storyOf(a.id())).isEmpty();
      });
      assertThat(store.allAssignments()).hasSize(1);
      assertEveryArticleFinished(store);
    }
    // reopening and ingesting again finishes nothing: the pages are not articles left outside a story
    try (Store store = Store.open(tmp.resolve("data"))) {
      IngestSummary again = Pipeline.builder().store(store).buildIngestor().ingest(List.of(file.toString()),
          new IngestListener() {});
      assertThat(again.recovered()).isZero();
      assertThat(again.counts().alreadyStored()).isEqualTo(3);
      assertThat(store.allAssignments()).hasSize(1);
    }
  }
}
