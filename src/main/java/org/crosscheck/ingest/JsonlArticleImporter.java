package org.crosscheck.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines, one article object a line: {@code text} is required; {@code id} (kept as the
 * article's source id), {@code
 * source} (the outlet), {@code url}, {@code title}, {@code published} (ISO-8601), {@code
 * language} and {@code story} (a gold label, kept for evaluation only) may be null or absent.
 * Streams: memory stays bounded by the longest line whatever the file's size. A broken line is
 * rejected with its line number and the lines around it are still read. Thread-safe.
 */
public final class JsonlArticleImporter implements ArticleImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    try (InputStream in = input.open(); BoundedLineReader lines = new BoundedLineReader(in, Limits.MAX_DOCUMENT_BYTES)) {
      BoundedLineReader.Line line;
      boolean first = true;
      while ((line = lines.next()) != null) {
        String where = "line " + line.number();
        if (line.tooLong()) {
          sink.accept(rejected(input, where, "line is " + Limits.formatBytes(line.length())
              + ", larger than the " + Limits.formatBytes(Limits.MAX_DOCUMENT_BYTES) + " limit for one article"));
          continue;
        }
        byte[] bytes = line.bytes();
        if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF) {
          bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        first = false;
        try {
          String text = decodeUtf8(bytes);
          if (text.isBlank()) {
            continue;
          }
          if (line.number() == 1 && text.strip().startsWith("[")) {
            throw new IngestException(
                "a JSON array, not JSON Lines; write one article object a line (e.g. jq -c '.[]')");
          }
          sink.accept(new Imported.Parsed(parse(input, where, text)));
        } catch (LineException e) {
          sink.accept(rejected(input, where, e.getMessage()));
        }
      }
    }
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

  private Article parse(Input input, String where, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new LineException("not valid JSON: " + e.getOriginalMessage()
          + " (column " + e.getLocation().getColumnNr() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new LineException("not a JSON object (found " + (node == null ? "nothing" : node.getNodeType()) + ")");
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
