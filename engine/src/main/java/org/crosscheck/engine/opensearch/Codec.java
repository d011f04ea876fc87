package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.crosscheck.store.SketchStore.Sketch;
import org.jspecify.annotations.Nullable;

/** The stored forms of articles, sketches and followed sources, and back. */
final class Codec {
  private Codec() {}

  /** @return the article's document: what is searched on top, the article whole under {@code article} */
  static ObjectNode article(Article a, long seq) {
    ObjectNode doc = JSON.createObjectNode().put("seq", seq).put("content_hash", a.contentHash())
        .put("source_id", a.sourceId()).put("is_article", a.isArticle());
    ObjectNode article = doc.putObject("article").put("id", a.id().value()).put("outlet", a.outlet())
        .put("url", a.url()).put("title", a.title()).put("published", a.published().iso())
        .put("language", a.language()).put("text", a.text()).put("text_kind", a.textKind().name())
        .put("gold_story", a.goldStory()).put("source_id", a.sourceId());
    article.putObject("provenance").put("kind", a.provenance().kind().name())
        .put("location", a.provenance().location()).put("locator", a.provenance().locator())
        .put("importer", a.provenance().importer());
    ArrayNode notes = article.putArray("notes");
    a.notes().forEach(notes::add);
    return doc;
  }

  /** @return the article of a document written by {@link #article(Article, long)} */
  static Article article(JsonNode doc) {
    JsonNode a = doc.path("article");
    JsonNode p = a.path("provenance");
    List<String> notes = new ArrayList<>();
    a.path("notes").forEach(n -> notes.add(n.asText()));
    return new Article(new ArticleId(a.path("id").asText()), text(a, "outlet"), text(a, "url"), text(a, "title"),
        Published.parse(a.path("published").asText()), a.path("language").asText(), a.path("text").asText(),
        TextKind.valueOf(a.path("text_kind").asText()),
        new Provenance(Provenance.Kind.valueOf(p.path("kind").asText()), p.path("location").asText(),
            text(p, "locator"), p.path("importer").asText()),
        text(a, "gold_story"), notes, text(a, "source_id"));
  }

  /** @return the sketch's document; the signature as big-endian bytes (base64 in JSON) */
  static ObjectNode sketch(Sketch s, long number) {
    ByteBuffer bytes = ByteBuffer.allocate(s.signature().length * Integer.BYTES);
    bytes.asIntBuffer().put(s.signature());
    return JSON.createObjectNode().put("number", number).put("article", s.id().value())
        .put("signature", bytes.array()).put("text_hash", s.textHash());
  }

  /** @return the sketch of a document written by {@link #sketch(Sketch, long)} */
  static Sketch sketch(JsonNode doc) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(doc.path("signature").binaryValue());
      int[] signature = new int[bytes.remaining() / Integer.BYTES];
      bytes.asIntBuffer().get(signature);
      return new Sketch(new ArticleId(doc.path("article").asText()), signature, doc.path("text_hash").asLong());
    } catch (IOException e) {
      throw new IllegalStateException("the stored signature of " + doc.path("article").asText() + " is not base64", e);
    }
  }

  /** @return the followed source's document: id and URL on top, the whole state under {@code source} */
  static ObjectNode followed(FollowedSource s) {
    ObjectNode doc = JSON.createObjectNode().put("id", s.id()).put("url", s.url());
    doc.putObject("source").put("kind", s.kind().name()).put("title", s.title()).put("etag", s.etag())
        .put("last_modified", s.lastModified()).put("last_poll", iso(s.lastPoll()))
        .put("last_new_item", iso(s.lastNewItem())).put("items", s.items()).put("errors", s.errors())
        .put("consecutive_failures", s.consecutiveFailures()).put("last_error", s.lastError())
        .put("next_poll", s.nextPoll().toString()).put("interval_ms", s.interval().toMillis());
    return doc;
  }

  /** @return the followed source of a document written by {@link #followed(FollowedSource)} */
  static FollowedSource followed(JsonNode doc) {
    JsonNode s = doc.path("source");
    return new FollowedSource(doc.path("id").asLong(), doc.path("url").asText(),
        FollowedSource.Kind.valueOf(s.path("kind").asText()), text(s, "title"), text(s, "etag"),
        text(s, "last_modified"), instant(text(s, "last_poll")), instant(text(s, "last_new_item")),
        s.path("items").asLong(), s.path("errors").asLong(), s.path("consecutive_failures").asInt(),
        text(s, "last_error"), Instant.parse(s.path("next_poll").asText()),
        Duration.ofMillis(s.path("interval_ms").asLong()));
  }

  /** @return the field's text, or null when it is missing or null */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static @Nullable String iso(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static @Nullable Instant instant(@Nullable String iso) {
    return iso == null ? null : Instant.parse(iso);
  }
}
