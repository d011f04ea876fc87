package org.crosscheck.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.SearchStore.BadQueryException;
import org.crosscheck.store.SearchStore.Entry;
import org.crosscheck.store.SearchStore.Hit;
import org.jspecify.annotations.Nullable;

/**
 * The store's search entries in one OpenSearch index ({@code <prefix>-search}): title and text
 * analysed as the embedded store's Lucene index analyses them (the standard analyzer), searched
 * with the same query syntax ({@code query_string}) and highlighted with the matches in {@code
 * <mark>}. Writes are sent at once, outside any store transaction, and are visible when they return.
 */
final class Search {
  private static final String MAPPING = """
      {"mappings": {"dynamic": "strict", "properties": {
        "kind": {"type": "keyword"}, "id": {"type": "keyword"}, "story": {"type": "keyword"},
        "outlet": {"type": "keyword"}, "reportOf": {"type": "keyword"},
        "title": {"type": "text"}, "text": {"type": "text"}}}}""";

  /** The most entries one story's report gives (entities and quotes), far above any seen. */
  private static final int MAX_REPORT_ENTRIES = 10_000;

  private final OpenSearchClient client;
  private final String index;

  Search(OpenSearchClient client, String prefix) {
    this.client = client;
    this.index = prefix + "-search";
  }

  /** Creates the index when it is missing. */
  void create() {
    OpenSearchClient.Answer a = client.send("PUT", "/" + index, MAPPING, "create the index " + index, 400);
    if (a.status() == 400 && !a.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
      throw client.failure("create the index " + index, "HTTP 400, " + a.body().path("error").path("reason").asText(),
          null);
    }
  }

  void index(List<Entry> entries) {
    if (!entries.isEmpty()) {
      bulk(entries, null, "index " + entries.size() + " search entries");
    }
  }

  /**
   * Replaces the entries of a story's report: the ids of the earlier ones are looked up and deleted
   * in the same bulk request that adds the new ones (delete-by-query is a module a node may lack).
   */
  void indexReport(String story, List<Entry> entries) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    query.put("size", MAX_REPORT_ENTRIES).put("_source", false);
    query.putObject("query").putObject("term").put("reportOf", story);
    List<String> earlier = new ArrayList<>();
    client.send("POST", "/" + index + "/_search", query.toString(), "find the search entries of the report of " + story)
        .body().path("hits").path("hits").forEach(h -> earlier.add(h.path("_id").asText()));
    StringBuilder body = new StringBuilder();
    for (String id : earlier) {
      ObjectNode action = OpenSearchClient.JSON.createObjectNode();
      action.putObject("delete").put("_index", index).put("_id", id);
      body.append(action).append('\n');
    }
    if (body.isEmpty() && entries.isEmpty()) {
      return;
    }
    bulk(body, entries, story, "index the report of " + story);
  }

  private void bulk(List<Entry> entries, @Nullable String reportOf, String what) {
    bulk(new StringBuilder(), entries, reportOf, what);
  }

  private void bulk(StringBuilder body, List<Entry> entries, @Nullable String reportOf, String what) {
    for (Entry e : entries) {
      ObjectNode action = OpenSearchClient.JSON.createObjectNode();
      action.putObject("index").put("_index", index).put("_id", Documents.id(e.id()));
      ObjectNode doc = OpenSearchClient.JSON.createObjectNode().put("kind", e.kind()).put("id", e.id())
          .put("story", e.story()).put("outlet", e.outlet()).put("title", e.title()).put("text", e.text());
      if (reportOf != null) {
        doc.put("reportOf", reportOf);
      }
      body.append(action).append('\n').append(doc).append('\n');
    }
    JsonNode answer = client.bulk("/_bulk?refresh=true", body.toString(), what).body();
    if (answer.path("errors").asBoolean() && !firstError(answer).isEmpty()) {
      throw client.failure(what, "some entries were refused: " + firstError(answer), null);
    }
  }

  Map<String, List<Hit>> search(String query, int limit) {
    SearchStore.checkQuery(query);
    OpenSearchClient.Answer a = run(query, limit);
    if (a.status() == 400) {
      a = run(QueryParser.escape(query), limit); // a query that cannot be parsed is searched as words
      if (a.status() == 400) {
        throw new BadQueryException("cannot read the query '" + SearchStore.shown(query) + "': "
            + a.body().path("error").path("root_cause").path(0).path("reason").asText("not a query"));
      }
    }
    Map<String, List<Hit>> out = new LinkedHashMap<>();
    for (JsonNode h : a.body().path("hits").path("hits")) {
      JsonNode d = h.path("_source");
      List<String> passages = new ArrayList<>();
      h.path("highlight").path("text").forEach(p -> passages.add(p.asText()));
      String shown = passages.isEmpty() ? SearchStore.opening(d.path("text").asText()) : String.join(" … ", passages);
      out.computeIfAbsent(d.path("story").asText(), s -> new ArrayList<>()).add(new Hit(d.path("kind").asText(),
          d.path("id").asText(), d.path("title").asText(), d.path("outlet").asText(), d.path("story").asText(), shown));
    }
    return out;
  }

  private OpenSearchClient.Answer run(String query, int limit) {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    body.put("size", limit);
    ObjectNode q = body.putObject("query").putObject("query_string");
    q.put("query", query);
    ArrayNode fields = q.putArray("fields");
    fields.add("title");
    fields.add("text");
    q.put("default_operator", "OR");
    ObjectNode highlight = body.putObject("highlight");
    highlight.put("encoder", "html");
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    highlight.putObject("fields").putObject("text").put("number_of_fragments", 2).put("fragment_size", 200);
    return client.send("POST", "/" + index + "/_search", body.toString(), "search " + index, 400);
  }

  private static String firstError(JsonNode answer) {
    for (JsonNode item : answer.path("items")) {
      JsonNode error = item.path("index").path("error");
      if (!error.isMissingNode()) {
        return error.path("reason").asText(error.toString());
      }
    }
    return ""; // only deletes of entries already gone
  }
}
