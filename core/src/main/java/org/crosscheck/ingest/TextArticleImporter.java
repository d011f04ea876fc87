package org.crosscheck.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads a plain-text file as one article: publication date from the loose date lines at its
 * top (never from the story), title from the first line where it is a headline, outlet where
 * the text names itself. Stateless and thread-safe.
 */
public final class TextArticleImporter implements ArticleImporter {
  /** Lines at the top of a file that may hold dates or the headline. */
  private static final int HEADER_LINES = 4;
  private static final int MAX_HEADLINE_CHARS = 200;
  private static final int MAX_HEADLINE_WORDS = 30;

  @Override
  public String name() {
    return "text";
  }

  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    TextDecoding.Decoded decoded = TextDecoding.decode(Limits.readBounded(input, Limits.MAX_DOCUMENT_BYTES));
    sink.accept(new Imported.Parsed(parse(input, decoded)));
  }

  private Article parse(Input input, TextDecoding.Decoded decoded) {
    List<String> lines = new ArrayList<>();
    for (String line : decoded.text().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      lines.add(line.replace('\u00A0', ' ').stripTrailing());
    }
    Published published = Published.unknown();
    Published updated = null;
    String title = null;
    int bodyStart = 0;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < HEADER_LINES; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        bodyStart = i + 1;
        continue;
      }
      seen++;
      TextHeader.DateLine dateLine = TextHeader.parse(line);
      if (dateLine != null) {
        if (!dateLine.primary()) {
          updated = updated == null ? dateLine.published() : updated;
        } else if (morePrecise(dateLine.published(), published)) {
          published = dateLine.published();
        }
        if (title == null && isHeadline(dateLine.rest())) {
          title = dateLine.rest();
        }
        bodyStart = i + 1;
        continue;
      }
      if (title == null && isHeadline(line) && hasBodyAfter(lines, i)) {
        title = line.strip();
        bodyStart = i + 1;
        continue;
      }
      break;
    }
    List<String> notes = new ArrayList<>();
    if (decoded.note() != null) {
      notes.add(decoded.note());
    }
    if (!published.isKnown() && updated != null) {
      published = updated;
      notes.add("publication date taken from the 'Updated' line");
    }
    List<String> body = new ArrayList<>();
    for (int i = bodyStart; i < lines.size(); i++) {
      body.add(lines.get(i));
    }
    String text = String.join("\n", body).strip();
    if (text.isEmpty()) {
      throw new IngestException(title == null ? "no article text in the file" : "only a headline, no article text");
    }
    List<String> paragraphs = body.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
    String outlet = OutletSigns.find(paragraphs);
    String language = LanguageGuesser.languageOf(null, text);
    return Article.withDerivedId(outlet, null, title, published, language, text, TextKind.FULL,
        input.provenance(name(), null), null, notes);
  }

  private static boolean morePrecise(Published candidate, Published current) {
    return !current.isKnown()
        || (candidate.localDate().equals(current.localDate()) && current instanceof Published.OnDate
            && !(candidate instanceof Published.OnDate));
  }

  /** A headline is one short line that does not end a sentence with a full stop. */
  static boolean isHeadline(@Nullable String line) {
    if (line == null) {
      return false;
    }
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_HEADLINE_CHARS || s.split("\\s+").length > MAX_HEADLINE_WORDS) {
      return false;
    }
    if (s.endsWith(".") || s.endsWith(":") || s.endsWith(",") || s.endsWith(";")) {
      return false;
    }
    return Character.isLetterOrDigit(s.codePointAt(0)) || s.startsWith("\"") || s.startsWith("\u201C")
        || s.startsWith("'") || s.startsWith("\u2018");
  }

  private static boolean hasBodyAfter(List<String> lines, int i) {
    for (int k = i + 1; k < lines.size(); k++) {
      if (!lines.get(k).isBlank()) {
        return true;
      }
    }
    return false;
  }
}
