package org.crosscheck.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A story: the articles about one real-world event, as the clusterer grouped them.
 *
 * @param id the story's id
 * @param headline a headline chosen from its articles
 * @param articles its articles, in the order they joined
 * @param outlets the distinct outlets that reported it themselves (an outlet that only carried a
 *     copy of another's article is not counted)
 * @param copies how many of its articles are copies of another of its articles
 * @param first the earliest known publication date, or {@code null} when none is known
 * @param last the latest known publication date, or {@code null}
 */
public record Story(
    StoryId id,
    String headline,
    List<ArticleId> articles,
    List<String> outlets,
    int copies,
    @Nullable LocalDate first,
    @Nullable LocalDate last) {
  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(headline, "headline");
    articles = List.copyOf(articles);
    outlets = List.copyOf(outlets);
  }
}
