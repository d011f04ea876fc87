package org.crosscheck.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.junit.jupiter.api.Test;

class CentroidBaselineTest {
  private static Article article(String text, LocalDate day, String gold) {
    return Article.withDerivedId("Wire " + gold + text.length(), null, null, new Published.OnDate(day), "en", text,
        TextKind.FULL, new Provenance(Provenance.Kind.FILE, "t.jsonl", null, "test"), gold, List.of());
  }

  @Test
  void joinsSimilarArticlesWithinTheWindowOnly() {
    String fire = "A fire destroyed the old mill on the river on Monday, firefighters said, and the road was closed.";
    String flood = "Heavy rain flooded the valley towns and schools stayed shut while the water slowly receded.";
    LocalDate d = LocalDate.of(2015, 3, 2);
    List<Article> articles = List.of(article(fire, d, "fire"), article(fire + " Nobody was hurt.", d.plusDays(1), "fire"),
        article(flood, d.plusDays(1), "flood"), article(fire + " It was rebuilt.", d.plusDays(30), "fire-later"));
    CentroidBaseline.Result r = CentroidBaseline.evaluate(articles);
    assertThat(r.stories()).isEqualTo(3);
    assertThat(r.scores().bcubedF1()).isEqualTo(1.0);
  }

  @Test
  void onTheLocalNewsStreamItScoresWhatTheIndependentImplementationScored() throws Exception {
    List<Article> gva = new ArrayList<>();
    new JsonlArticleImporter().read(new FileInput(SharedData.path("gva-2013-2015.jsonl")), item -> {
      if (item instanceof Imported.Parsed p) {
        gva.add(p.article());
      }
    });
    CentroidBaseline.Result r = CentroidBaseline.evaluate(gva);
    // the numpy implementation of the same recipe scored BCubed F1 0.878, pairwise F1 0.597
    assertThat(r.scores().bcubedF1()).isBetween(0.86, 0.90);
    assertThat(r.scores().pairwiseF1()).isBetween(0.55, 0.64);
  }
}
