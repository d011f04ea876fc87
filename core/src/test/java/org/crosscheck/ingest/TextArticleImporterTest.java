package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.junit.jupiter.api.Test;

class TextArticleImporterTest {
  private final TextArticleImporter importer = new TextArticleImporter();

  private Article seed(String prefix) throws IOException {
    try (var files = java.nio.file.Files.list(SharedData.path("seeds"))) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      return read(new FileInput(file));
    }
  }

  private Article read(Input input) throws IOException {
    List<Imported> out = new ArrayList<>();
    importer.read(input, out::add);
    assertThat(out).hasSize(1);
    return ((Imported.Parsed) out.get(0)).article();
  }

  private Article text(String content) throws IOException {
    return read(new BytesInput("sample.txt", Provenance.Kind.FILE, content.getBytes(StandardCharsets.UTF_8), null));
  }

  @Test
  void takesPublicationDateFromExportDateLineAndTitleFromNextLine() throws IOException {
    Article a = seed("000_");
    assertThat(a.published()).isEqualTo(new Published.OnDate(LocalDate.of(2025, 4, 28)));
    assertThat(a.title()).isEqualTo("North Korea Deploys Troops in Russia Under Military Pact");
    assertThat(a.outlet()).isEqualTo("MENAFN");
    assertThat(a.text()).startsWith("(MENAFN) North Korea officially confirmed").doesNotContain(" date 2025");
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void readsPublishedOnLineWithTimeAndSignOffOutlet() throws IOException {
    Article a = seed("001_");
    assertThat(a.published().iso()).isEqualTo("2025-04-28T10:00");
    assertThat(a.outlet()).isEqualTo("Arirang News");
    assertThat(a.title()).as("the first line is a lead sentence, not a headline").isNull();
    assertThat(a.text()).startsWith("North Korea has officially acknowledged").doesNotContain("Published on:");
  }

  @Test
  void findsOutletThatReportsOnItselfAndLeavesDateUnknownWithoutDateLine() throws IOException {
    Article a = seed("002_");
    assertThat(a.outlet()).isEqualTo("The Gaze");
    assertThat(a.published().isKnown()).isFalse();
    assertThat(a.title()).isEqualTo("North Korea Confirms Deployment of Troops to Support Russia Against Ukraine");
  }

  @Test
  void splitsHeadlineFromDateLineAndPrefersTheMorePreciseDate() throws IOException {
    Article a = seed("003_");
    assertThat(a.title()).isEqualTo("South Korea condemns North Korea's deployment to Russia: 'A clear illegal act'");
    assertThat(a.published().iso()).isEqualTo("2025-04-28T14:52");
    assertThat(a.text()).startsWith("The South Korean government on Monday");
  }

  @Test
  void neverTakesADateMentionedInsideTheStory() throws IOException {
    Article a = seed("004_");
    assertThat(a.text()).contains("April 28");
    assertThat(a.published().isKnown()).isFalse();
    assertThat(a.outlet()).isNull();
    assertThat(org.crosscheck.outlet.Outlets.builtIn().name(a)).isEqualTo("unknown (004_0b0ccfb8523443b8.txt)");
  }

  @Test
  void recognisesCommonDateLineFormats() throws IOException {
    assertThat(text("Published: 28 Apr. 2025, 14:52\nBody of the story goes here.").published().iso())
        .isEqualTo("2025-04-28T14:52");
    assertThat(text("Published on: 2025/04/28 10:00\nBody.").published().iso()).isEqualTo("2025-04-28T10:00");
    assertThat(text("Posted: April 28, 2025\nBody.").published().iso()).isEqualTo("2025-04-28");
    assertThat(text("Date: Monday, 28 April 2025\nBody.").published().iso()).isEqualTo("2025-04-28");
    assertThat(text("Published: April 28, 2025 3:05 p.m.\nBody.").published().iso()).isEqualTo("2025-04-28T15:05");
  }

  @Test
  void usesUpdatedLineOnlyWhenNoPublicationLineAndSaysSo() throws IOException {
    Article a = text("Updated: 2025-05-01\nHeadline Here\nBody text.");
    assertThat(a.published().iso()).isEqualTo("2025-05-01");
    assertThat(a.notes()).anyMatch(n -> n.contains("Updated"));
    Article b = text("Published: 2025-04-28\nUpdated: 2025-05-01\nBody text.");
    assertThat(b.published().iso()).isEqualTo("2025-04-28");
  }

  @Test
  void findsDatelineSignOffAndCopyrightOutlets() throws IOException {
    assertThat(text("SEOUL, April 28 (Yonhap) -- North Korea said on Monday.").outlet()).isEqualTo("Yonhap");
    assertThat(text("(LEAD) Not an outlet at all.\nMore text.").outlet()).isNull();
    assertThat(text("Story text.\nMore text.\nJane Doe, CNN.").outlet()).isEqualTo("CNN");
    assertThat(text("Story text.\nMore text.\n\u00A9 2025 Daily Planet. All rights reserved.").outlet())
        .isEqualTo("Daily Planet");
    assertThat(text("Seoul, Korea.\nThe capital, Seoul.").outlet()).isNull();
  }

  @Test
  void readsLatin1TextWithANote() throws IOException {
    byte[] bytes = "Caf\u00e9 owners in S\u00e3o Paulo protest.\nThe mayor's office declined to comment."
        .getBytes(Charset.forName("windows-1252"));
    Article a = read(new BytesInput("latin1.txt", Provenance.Kind.FILE, bytes, null));
    assertThat(a.text()).contains("Caf\u00e9", "S\u00e3o Paulo");
    assertThat(a.notes()).anyMatch(n -> n.contains("Windows-1252"));
  }

  @Test
  void refusesCorruptUtf8NamingTheOffset() {
    byte[] good = "Caf\u00e9 story text. ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
    bytes[good.length] = (byte) 0xC3;
    bytes[good.length + 1] = (byte) 0x28;
    bytes[good.length + 2] = 'x';
    assertThatThrownBy(() -> read(new BytesInput("bad.txt", Provenance.Kind.FILE, bytes, null)))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("invalid UTF-8 at byte offset " + good.length);
  }

  @Test
  void refusesAHeadlineWithoutText() {
    assertThatThrownBy(() -> text(" date 2025-04-28 403\n\n"))
        .isInstanceOf(IngestException.class).hasMessageContaining("no article text");
  }
}
