package org.crosscheck.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which documents a read wants, in two forms that agree: an OpenSearch query for the stored
 * documents, and a test for the documents an open transaction has not yet sent.
 */
sealed interface Filter {

  /** @return the OpenSearch query */
  ObjectNode query();

  /** @return whether a document's source matches */
  boolean test(JsonNode source);

  /** @return every document */
  static Filter all() {
    return new All();
  }

  /** @return the documents whose field has the value (a string, number or boolean) */
  static Filter term(String field, Object value) {
    return new In(field, Set.of(String.valueOf(value)));
  }

  /** @return the documents whose field has one of the values */
  static Filter in(String field, Collection<?> values) {
    return new In(field, values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()));
  }

  /** @return the documents whose numeric field is at least {@code min} */
  static Filter atLeast(String field, long min) {
    return new AtLeast(field, min);
  }

  /** @return the documents that match both */
  static Filter and(Filter a, Filter b) {
    return new And(List.of(a, b));
  }

  /** Every document. */
  record All() implements Filter {
    @Override
    public ObjectNode query() {
      ObjectNode q = OpenSearchClient.JSON.createObjectNode();
      q.putObject("match_all");
      return q;
    }

    @Override
    public boolean test(JsonNode source) {
      return true;
    }
  }

  /** A field equal to one of some values, compared as text. */
  record In(String field, Set<String> values) implements Filter {
    @Override
    public ObjectNode query() {
      ObjectNode q = OpenSearchClient.JSON.createObjectNode();
      ArrayNode terms = q.putObject("terms").putArray(field);
      values.forEach(terms::add);
      return q;
    }

    @Override
    public boolean test(JsonNode source) {
      JsonNode value = source.path(field);
      return value.isValueNode() && values.contains(value.asText());
    }
  }

  /** A numeric field at least some value. */
  record AtLeast(String field, long min) implements Filter {
    @Override
    public ObjectNode query() {
      ObjectNode q = OpenSearchClient.JSON.createObjectNode();
      q.putObject("range").putObject(field).put("gte", min);
      return q;
    }

    @Override
    public boolean test(JsonNode source) {
      JsonNode value = source.path(field);
      return value.isNumber() && value.asLong() >= min;
    }
  }

  /** All of some filters. */
  record And(List<Filter> filters) implements Filter {
    @Override
    public ObjectNode query() {
      ObjectNode q = OpenSearchClient.JSON.createObjectNode();
      ArrayNode all = q.putObject("bool").putArray("filter");
      filters.forEach(f -> all.add(f.query()));
      return q;
    }

    @Override
    public boolean test(JsonNode source) {
      return filters.stream().allMatch(f -> f.test(source));
    }
  }
}
