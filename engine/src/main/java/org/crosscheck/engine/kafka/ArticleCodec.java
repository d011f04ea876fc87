package org.crosscheck.engine.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of an {@link Article} on the article topic: every field of the record, so that
 * {@code decode(encode(a)).equals(a)}. Unlike the JSONL input shape (which an importer turns into
 * an article, deriving its id and provenance), this is the article as an importer made it:
 *
 * <pre>{@code {"id": "a-3f0c1e2d4b5a6978", "outlet": "KSLA", "url": null, "title": "...",
 *  "published": "2015-03-02", "language": "en", "text": "...", "textKind": "full",
 *  "provenance": {"kind": "file", "location": "gva.jsonl", "locator": "line 3", "importer": "jsonl"},
 *  "goldStory": null, "notes": [], "sourceId": "gva-1"}}</pre>
 *
 * {@code published} is {@link Published#iso()}; enums are lower case. Stateless and thread-safe.
 */
public final class ArticleCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleCodec() {}

  /**
   * @param article an article
   * @return its JSON, UTF-8
   */
  public static byte[] encode(Article article) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", article.id().value());
    o.put("outlet", article.outlet());
    o.put("url", article.url());
    o.put("title", article.title());
    o.put("published", article.published().iso());
    o.put("language", article.language());
    o.put("text", article.text());
    o.put("textKind", lower(article.textKind()));
    Provenance p = article.provenance();
    ObjectNode prov = o.putObject("provenance");
    prov.put("kind", lower(p.kind()));
    prov.put("location", p.location());
    prov.put("locator", p.locator());
    prov.put("importer", p.importer());
    o.put("goldStory", article.goldStory());
    ArrayNode notes = o.putArray("notes");
    article.notes().forEach(notes::add);
    o.put("sourceId", article.sourceId());
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write article " + article.id() + " as JSON", e);
    }
  }

  /**
   * @param json an article's JSON, as {@link #encode} writes it
   * @return the article
   * @throws IllegalArgumentException naming the field when the JSON is not an article
   */
  public static Article decode(byte[] json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an article's JSON: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not an article's JSON: expected an object");
    }
    JsonNode prov = o.get("provenance");
    if (prov == null || !prov.isObject()) {
      throw new IllegalArgumentException("article JSON has no 'provenance' object");
    }
    List<String> notes = new ArrayList<>();
    JsonNode n = o.get("notes");
    if (n != null && n.isArray()) {
      n.forEach(x -> notes.add(x.asText()));
    }
    try {
      return new Article(new ArticleId(required(o, "id")), text(o, "outlet"), text(o, "url"), text(o, "title"),
          Published.parse(text(o, "published")), required(o, "language"), required(o, "text"),
          TextKind.valueOf(required(o, "textKind").toUpperCase(Locale.ROOT)),
          new Provenance(Provenance.Kind.valueOf(required(prov, "kind").toUpperCase(Locale.ROOT)),
              required(prov, "location"), text(prov, "locator"), required(prov, "importer")),
          text(o, "goldStory"), notes, text(o, "sourceId"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an article's JSON: " + e.getMessage(), e);
    }
  }

  private static String required(JsonNode o, String field) {
    String s = text(o, field);
    if (s == null) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return s;
  }

  private static @Nullable String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
