package org.crosscheck.report;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * The revisions among a story's articles: articles at one URL (normalized: scheme and host in lower
 * case, default port, fragment and session ids dropped) are versions of one page, fetched again after
 * it changed; they count 1, 2, ... in the order they were stored, and the latest supersedes the others.
 * Immutable.
 */
final class Revisions {
  private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder().build();
  private final Map<ArticleId, String> page;
  private final Map<ArticleId, Integer> revision;
  private final Map<ArticleId, ArticleId> supersededBy;

  private Revisions(Map<ArticleId, String> page, Map<ArticleId, Integer> revision,
      Map<ArticleId, ArticleId> supersededBy) {
    this.page = page;
    this.revision = revision;
    this.supersededBy = supersededBy;
  }

  /**
   * @param articles a story's articles, in the order they were stored
   * @return their revisions
   */
  static Revisions of(List<Article> articles) {
    Map<String, List<ArticleId>> byPage = new LinkedHashMap<>();
    Map<ArticleId, String> page = new HashMap<>();
    for (Article a : articles) {
      String key = key(a.url());
      if (key != null) {
        byPage.computeIfAbsent(key, k -> new ArrayList<>()).add(a.id());
        page.put(a.id(), key);
      }
    }
    Map<ArticleId, Integer> revision = new HashMap<>();
    Map<ArticleId, ArticleId> supersededBy = new HashMap<>();
    for (List<ArticleId> versions : byPage.values()) {
      ArticleId latest = versions.getLast();
      for (int i = 0; i < versions.size(); i++) {
        revision.put(versions.get(i), i + 1);
        if (i < versions.size() - 1) {
          supersededBy.put(versions.get(i), latest);
        }
      }
    }
    return new Revisions(page, revision, supersededBy);
  }

  /** @return the URL as a page's key, or null when there is none or it is not a URL */
  static @Nullable String key(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String normalized = NORMALIZER.filter(url.strip());
    return normalized == null ? null : normalized;
  }

  /** @return which revision of its page the article is; 1 when it is the only one */
  int revision(ArticleId article) {
    return revision.getOrDefault(article, 1);
  }

  /** @return the latest revision of the article's page when that is another article, else null */
  @Nullable ArticleId supersededBy(ArticleId article) {
    return supersededBy.get(article);
  }

  /** @return whether the two articles are revisions of one page */
  boolean samePage(ArticleId a, ArticleId b) {
    String pa = page.get(a);
    return pa != null && pa.equals(page.get(b));
  }
}
