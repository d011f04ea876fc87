package org.crosscheck.engine.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The indices of an {@link OpenSearchStore}, each with its explicit mapping. Every document has a
 * {@code key} field, its document id, so that a scan has a unique sort key. Fields typed {@code
 * stored} are kept in the source only, {@code object} fields are kept whole and not indexed.
 */
enum Index {
  ARTICLES("articles", "seq", "seq:long", "content_hash:keyword", "source_id:keyword", "is_article:boolean",
      "article:object"),
  SKETCHES("sketches", "number", "number:long", "article:keyword", "signature:binary", "text_hash:long"),
  DUPLICATES("duplicates", null, "copy:keyword", "original:keyword", "similarity:double", "exact:boolean"),
  ASSIGNMENTS("assignments", "seq", "article:keyword", "story:long", "seq:long"),
  STORY_CHANGES("story-changes", "seq", "seq:long", "kind:keyword", "from:long", "into:long", "bridge:keyword",
      "moved:keyword", "trigger:keyword"),
  ANALYSES("analyses", null, "article:keyword", "version:keyword", "json:stored"),
  REPORTS("reports", null, "story:long", "fingerprint:keyword", "json:stored"),
  REPORT_VERSIONS("report-versions", "version", "story:long", "version:long", "fingerprint:keyword",
      "built_at:keyword", "json:stored"),
  OUTLET_LINES("outlet-lines", null, "outlet:keyword", "line:long", "articles:long"),
  OUTLETS("outlets", "seq", "kind:keyword", "outlet:keyword", "name:stored", "spelling:stored", "seq:long"),
  FOLLOWED("followed", "id", "id:long", "url:keyword", "source:object"),
  SEEN_ITEMS("seen-items", null, "source:long", "item:stored", "seen_at:keyword"),
  WATCHES("watches", "id", "id:long", "kind:keyword", "value:keyword", "created_at:keyword"),
  ALERTS("alerts", "id", "id:long", "watch:long", "story:keyword", "kind:keyword", "alert_key:keyword",
      "title:stored", "json:stored", "created_at:keyword"),
  WEBHOOKS("webhooks", "id", "id:long", "url:keyword", "secret:stored", "created_at:keyword"),
  DELIVERIES("deliveries", "alert", "webhook:long", "alert:long", "attempts:long", "next_attempt:long",
      "delivered_at:keyword", "last_error:stored"),
  COUNTERS("counters", null, "value:long");

  private final String suffix;
  private final @Nullable String order;
  private final List<String> fields;

  Index(String suffix, @Nullable String order, String... fields) {
    this.suffix = suffix;
    this.order = order;
    this.fields = List.of(fields);
  }

  /** @return the index's name under a store's prefix */
  String name(String prefix) {
    return prefix + "-" + suffix;
  }

  /** @return the numeric field documents are listed by (then by key), or null for key order */
  @Nullable String order() {
    return order;
  }

  /** @return the body that creates the index: one shard, a replica when there is a second node */
  String definition() {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    body.putObject("settings").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
    ObjectNode mappings = body.putObject("mappings").put("dynamic", "strict");
    ObjectNode properties = mappings.putObject("properties");
    properties.putObject("key").put("type", "keyword");
    for (String field : fields) {
      String[] nameAndType = field.split(":");
      ObjectNode mapping = properties.putObject(nameAndType[0]);
      switch (nameAndType[1]) {
        case "stored" -> mapping.put("type", "text").put("index", false);
        case "object" -> mapping.put("type", "object").put("enabled", false);
        default -> mapping.put("type", nameAndType[1]);
      }
    }
    return body.toString();
  }
}
