package org.crosscheck.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.junit.jupiter.api.Test;

class ArticleCodecTest {
  @Test
  void roundTripsEveryFieldOfEveryKindOfDate() {
    Provenance p = new Provenance(Provenance.Kind.URL, "https://example.org/a?x=1", "item 3", "feed");
    List<Published> dates = List.of(Published.unknown(), new Published.OnDate(LocalDate.of(2015, 3, 2)),
        new Published.AtLocalTime(LocalDateTime.of(2015, 3, 2, 10, 5, 7)),
        new Published.AtInstant(OffsetDateTime.of(2015, 3, 2, 10, 5, 0, 0, ZoneOffset.ofHours(9))),
        new Published.AtInstant(OffsetDateTime.of(2015, 3, 2, 10, 5, 0, 0, ZoneOffset.UTC)));
    for (Published d : dates) {
      Article a = new Article(new ArticleId("a-0123456789abcdef"), "KSLA News 12", "https://ksla.com/x", "Shots fired",
          d, "en", "Line one \"quoted\"\n\nLine two: é ü ✓", TextKind.SUMMARY, p, "gva-17",
          List.of("decoded as windows-1252", "summary only"), "gva-1");
      assertThat(ArticleCodec.decode(ArticleCodec.encode(a))).isEqualTo(a);
    }
    Article bare = new Article(new ArticleId("x"), null, null, null, Published.unknown(), "und", "t",
        TextKind.NOT_ARTICLE, new Provenance(Provenance.Kind.STDIN, "-", null, "jsonl"), null, List.of(), null);
    assertThat(ArticleCodec.decode(ArticleCodec.encode(bare))).isEqualTo(bare);
  }

  @Test
  void roundTripsRealArticles() throws Exception {
    List<Article> read = new ArrayList<>();
    new JsonlArticleImporter().read(new FileInput(SharedData.path("basil-2010-2016.jsonl")), item -> {
      if (item instanceof Imported.Parsed parsed) {
        read.add(parsed.article());
      }
    });
    assertThat(read).hasSize(210);
    for (Article a : read) {
      assertThat(ArticleCodec.decode(ArticleCodec.encode(a))).isEqualTo(a);
    }
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> ArticleCodec.decode(("{\"id\":\"a\",\"language\":\"en\",\"text\":\"t\",\"textKind\":\"full\","
        + "\"provenance\":{\"location\":\"x\",\"importer\":\"jsonl\"}}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kind'");
    assertThatThrownBy(() -> ArticleCodec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("expected an object");
  }
}
