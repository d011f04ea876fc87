package org.crosscheck.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines, one article object a line: {@code text} is required; {@code id} (kept as the
 * article's source id), {@code
 * source} (the outlet), {@code url}, {@code title}, {@code published} (ISO-8601), {@code
 * language} and {@code story} (a gold label, kept for evaluation only) may be null or absent.
 * Streams: memory stays bounded by the longest line whatever the file's size. A broken line is
 * rejected with its line number and the lines around it are still read; a file whose first
 * {@value #MAX_REJECTED_LINES_BEFORE_ANY} lines are all broken is given up as not JSON Lines. A
 * line nested deeper than {@link Limits#MAX_JSON_DEPTH} levels is rejected like any broken line. A
 * file holding one pretty-printed JSON document (an article object, or an array of them, as
 * {@code .json} files often do) is read whole instead. Thread-safe.
 */
public final class JsonlArticleImporter implements ArticleImporter {
  private static final ObjectMapper JSON = JsonMapper.builder(Limits.jsonFactory()).build();
  /** A file whose first this-many lines are all rejected is not JSON Lines; reading stops there. */
  static final int MAX_REJECTED_LINES_BEFORE_ANY = 20;

  @Override
  public String name() {
    return "jsonl";
  }

  /**
   * Reads JSON Lines files whole, as ingest reads them, for evaluations and benchmarks that need
   * the articles themselves.
   *
   * @param files the files, in order
   * @return their articles, in order; lines that are not articles are left out, as ingest rejects them
   * @throws IOException when a file cannot be read
   */
  public static List<Article> articles(List<String> files) throws IOException {
    List<Article> out = new ArrayList<>();
    JsonlArticleImporter importer = new JsonlArticleImporter();
    for (String f : files) {
      importer.read(new FileInput(java.nio.file.Path.of(f)), item -> {
        if (item instanceof Imported.Parsed p) {
          out.add(p.article());
        }
      });
    }
    return out;
  }

  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    boolean whole = false;
    try (InputStream in = input.open(); BoundedLineReader lines = new BoundedLineReader(in, Limits.MAX_DOCUMENT_BYTES)) {
      BoundedLineReader.Line line;
      boolean first = true;
      long stored = 0;
      long rejectedInARow = 0;
      while ((line = lines.next()) != null) {
        String where = "line " + line.number();
        if (line.tooLong()) {
          sink.accept(rejected(input, where, "line is " + Limits.formatBytes(line.length())
              + ", larger than the " + Limits.formatBytes(Limits.MAX_DOCUMENT_BYTES) + " limit for one article"));
          continue;
        }
        byte[] bytes = withoutBom(line.bytes());
        try {
          String text = decodeUtf8(bytes);
          if (text.isBlank()) {
            continue;
          }
          if (first && (text.strip().startsWith("[") || isStartOfMultiLineObject(text))) {
            whole = true;
            break;
          }
          first = false;
          sink.accept(new Imported.Parsed(toArticle(input, where, parseJson(text))));
          stored++;
          rejectedInARow = 0;
        } catch (LineException e) {
          first = false;
          sink.accept(rejected(input, where, e.getMessage()));
          if (++rejectedInARow >= MAX_REJECTED_LINES_BEFORE_ANY && stored == 0) {
            throw new IngestException("stopped after " + rejectedInARow
                + " lines without one article: this does not look like JSON Lines (one article object a line)");
          }
        }
      }
    }
    if (whole) {
      readDocument(input, sink);
    }
  }

  /**
   * Reads a file that holds one JSON document, pretty-printed over many lines: an article object,
   * or an array of article objects (each item located as {@code item N}).
   */
  private void readDocument(Input input, Consumer<Imported> sink) throws IOException {
    if (input.kind() == Provenance.Kind.STDIN) {
      throw new IngestException("a multi-line JSON document on standard input; send JSON Lines instead"
          + " (one article object a line, e.g. with jq -c)");
    }
    JsonNode doc;
    try {
      doc = parseJson(decodeUtf8(withoutBom(Limits.readBounded(input, Limits.MAX_DOCUMENT_BYTES))));
    } catch (LineException e) {
      throw new IngestException("a JSON document that cannot be read: " + e.getMessage());
    }
    if (doc.isObject()) {
      sink.accept(new Imported.Parsed(toArticle(input, null, doc)));
      return;
    }
    if (!doc.isArray()) {
      throw new IngestException("a JSON document holding " + doc.getNodeType() + ", not articles");
    }
    int n = 0;
    for (JsonNode item : doc) {
      String where = "item " + (++n);
      try {
        sink.accept(new Imported.Parsed(toArticle(input, where, item)));
      } catch (LineException e) {
        sink.accept(rejected(input, where, e.getMessage()));
      }
    }
  }

  /** @return whether the line opens an object that it does not close (a pretty-printed document) */
  private static boolean isStartOfMultiLineObject(String line) {
    String t = line.strip();
    if (!t.startsWith("{")) {
      return false;
    }
    try {
      JSON.readTree(t);
      return false;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }
  }

  private static byte[] withoutBom(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }

  private static Imported rejected(Input input, String where, String reason) {
    return new Imported.Rejected(new Rejection(input.name(), where, reason));
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new LineException("invalid UTF-8 at byte " + TextDecoding.firstInvalidUtf8(bytes, 0)
          + " of the line; JSON Lines must be UTF-8");
    }
  }

  private static JsonNode parseJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null) {
        throw new LineException("no JSON value");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new LineException(isNestingLimit(e)
          ? "JSON nested deeper than " + Limits.MAX_JSON_DEPTH + " levels"
          : "JSON over a size limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new LineException("not valid JSON: " + e.getOriginalMessage()
          + (at == null || at.getColumnNr() < 0 ? "" : " (column " + at.getColumnNr() + ")"));
    }
  }

  /** Jackson's limit exceptions carry no location (which made the column look-up fail) and no error code. */
  private static boolean isNestingLimit(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    return message != null && message.contains("nesting depth");
  }

  private Article toArticle(Input input, @Nullable String where, JsonNode node) {
    if (!node.isObject()) {
      throw new LineException("not a JSON object (found " + node.getNodeType() + ")");
    }
    String text = string(node, "text");
    if (text == null || text.isBlank()) {
      throw new LineException("field 'text' is missing or empty");
    }
    String outlet = string(node, "source");
    if (outlet == null) {
      outlet = string(node, "outlet");
    }
    String title = string(node, "title");
    String url = string(node, "url");
    String story = string(node, "story");
    Published published;
    try {
      published = Published.parse(string(node, "published"));
    } catch (IllegalArgumentException e) {
      throw new LineException("field 'published': " + e.getMessage());
    }
    String language = LanguageGuesser.languageOf(string(node, "language"), text);
    var provenance = input.provenance(name(), where);
    Article article = Article.withDerivedId(outlet, url, title, published, language, text, TextKind.FULL,
        provenance, story, List.of());
    try {
      return article.withSourceId(idOf(node));
    } catch (IllegalArgumentException e) {
      throw new LineException("field 'id': " + e.getMessage());
    }
  }

  private static @Nullable String idOf(JsonNode node) {
    JsonNode id = node.get("id");
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.isTextual() || id.isIntegralNumber()) {
      return id.asText();
    }
    throw new LineException("field 'id' must be a string or an integer, not " + id.getNodeType());
  }

  private static @Nullable String string(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new LineException("field '" + field + "' must be a string or null, not " + v.getNodeType());
    }
    return v.asText();
  }

  /** A problem with one line; the line is rejected and reading goes on. */
  private static final class LineException extends IngestException {
    private static final long serialVersionUID = 1L;

    LineException(String message) {
      super(message);
    }
  }
}
