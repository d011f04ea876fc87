package org.crosscheck.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The schema.org JSON-LD of one HTML page: the article node ({@code NewsArticle} and its kin, at
 * the top level, in an array or in an {@code @graph}, with {@code @type} a string or an array)
 * and the nodes it refers to by {@code @id}. Immutable once built; safe to share between threads.
 */
final class JsonLd {
  private static final ObjectMapper MAPPER = JsonMapper.builder(Limits.jsonFactory())
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  /** schema.org types (and subtypes) that describe an article. */
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
      "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting", "Report");

  private static final JsonLd NONE = new JsonLd(null, Map.of());

  private final @Nullable JsonNode article;
  private final Map<String, JsonNode> byId;

  private JsonLd(@Nullable JsonNode article, Map<String, JsonNode> byId) {
    this.article = article;
    this.byId = byId;
  }

  /**
   * Reads every {@code <script type="application/ld+json">} block of the page; blocks that are
   * not valid JSON, or nest deeper than {@link Limits#MAX_JSON_DEPTH} levels, are skipped.
   *
   * @param doc the page
   * @return the page's JSON-LD, empty when it has no article node
   */
  static JsonLd of(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : doc.select("script[type]")) {
      if (!script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
        continue;
      }
      try {
        collect(MAPPER.readTree(script.data()), nodes);
      } catch (JacksonException e) {
        // a broken block is common on real pages; the other blocks and the meta tags still count
      }
    }
    JsonNode article = null;
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode node : nodes) {
      String id = node.path("@id").asText("");
      if (!id.isEmpty()) {
        byId.putIfAbsent(id, node);
      }
      if (article == null && isArticle(node)) {
        article = node;
      }
    }
    return article == null ? NONE : new JsonLd(article, Map.copyOf(byId));
  }

  /**
   * @param field a property of the article node ({@code headline}, {@code datePublished})
   * @return its text; for an object, its {@code @id} or {@code url}; or {@code null}
   */
  @Nullable String text(String field) {
    if (article == null) {
      return null;
    }
    JsonNode value = first(article.get(field));
    if (value == null) {
      return null;
    }
    if (value.isObject()) {
      value = value.has("@id") ? value.get("@id") : value.get("url");
    }
    return value != null && value.isValueNode() ? blankToNull(value.asText()) : null;
  }

  /** @return the name of the article's publisher, following an {@code @id} reference; or {@code null} */
  @Nullable String publisherName() {
    if (article == null) {
      return null;
    }
    JsonNode publisher = first(article.get("publisher"));
    if (publisher == null) {
      return null;
    }
    if (publisher.isTextual()) {
      return blankToNull(publisher.asText());
    }
    if (!publisher.has("name") && publisher.has("@id")) {
      publisher = byId.get(publisher.get("@id").asText());
    }
    JsonNode name = publisher == null ? null : first(publisher.get("name"));
    return name == null ? null : blankToNull(name.asText());
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    } else if (node.isObject()) {
      out.add(node);
      if (node.has("@graph")) {
        collect(node.get("@graph"), out);
      }
    }
  }

  private static boolean isArticle(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return false;
    }
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      String name = t.asText("");
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
      if (ARTICLE_TYPES.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable JsonNode first(@Nullable JsonNode node) {
    if (node != null && node.isArray()) {
      return node.isEmpty() ? null : node.get(0);
    }
    return node == null || node.isNull() ? null : node;
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s.strip();
  }
}
