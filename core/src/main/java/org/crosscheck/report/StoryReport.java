package org.crosscheck.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story's cross-source report. Every item carries its evidence: spans of the stored article
 * texts.
 *
 * @param story the story and its articles
 * @param summary three to six sentences from the articles, the most widely stated facts first
 * @param consensus facts two outlets or more state, with their independent origins
 * @param conflicts facts whose outlets give incompatible dates or amounts
 * @param exclusives facts only one outlet reports
 * @param quotes direct quotes by speaker, the most quoted first; unattributed quotes last, under a {@code null} speaker
 * @param timeline dated events, earliest first
 * @param entities entities, the most widely reported first
 */
public record StoryReport(Header story, List<Sentence> summary, List<Fact> consensus, List<Conflict> conflicts,
    List<Sentence> exclusives, List<Speaker> quotes, List<Date> timeline, List<Entity> entities) {
  public StoryReport {
    summary = List.copyOf(summary);
    consensus = List.copyOf(consensus);
    conflicts = List.copyOf(conflicts);
    exclusives = List.copyOf(exclusives);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    timeline = List.copyOf(timeline);
  }

  /**
   * @return the evidence the report's statements cite: summary, consensus, conflicts, exclusives, quotes with their
   *     variants, timeline (not the entities' mentions)
   */
  public List<Evidence> citations() {
    List<Evidence> out = new java.util.ArrayList<>();
    summary.forEach(s -> out.addAll(s.evidence()));
    consensus.forEach(f -> out.addAll(f.evidence()));
    conflicts.forEach(c -> c.sides().forEach(s -> out.addAll(s.evidence())));
    exclusives.forEach(x -> out.addAll(x.evidence()));
    quotes.forEach(s -> s.quotes().forEach(q -> {
      out.addAll(q.evidence());
      q.variants().forEach(v -> out.addAll(v.evidence()));
    }));
    timeline.forEach(d -> out.addAll(d.evidence()));
    return out;
  }

  /**
   * A sentence taken from an article (the summary is extractive: nothing is invented).
   *
   * @param text the sentence
   * @param outlets the outlets that state it (its own and those whose sentences align with it)
   * @param evidence the sentence and the aligned sentences of the other outlets
   */
  public record Sentence(String text, List<String> outlets, List<Evidence> evidence) {}

  /**
   * A fact several outlets state.
   *
   * @param text the sentence that states it best (closest to all the others)
   * @param outlets the outlets stating it
   * @param origins the independent origins behind it, the one most outlets relay first
   * @param evidence each outlet's sentence
   */
  public record Fact(String text, List<String> outlets, List<Origin> origins, List<Evidence> evidence) {}

  /**
   * An independent origin of a fact: a source the outlets relay, or an outlet that is its own.
   *
   * @param name the source's name, or the outlet's
   * @param outlets the outlets whose statements of the fact come from it
   * @param namedAs how their sentences name it ("KCNA", "media reports"); empty when they do not
   * @param inferred whether some of those sentences do not name it and it is read from their articles
   */
  public record Origin(String name, List<String> outlets, List<String> namedAs, boolean inferred) {
    /** @return the origin as one line: "KCNA (via MENAFN, The Gaze; named as media reports; inferred for some)" */
    public String label() {
      StringBuilder b = new StringBuilder(name);
      if (outlets.size() > 1 || !outlets.contains(name)) {
        b.append(" (via ").append(String.join(", ", outlets));
        List<String> other = namedAs.stream().filter(n -> !n.equals(name)).toList();
        if (!other.isEmpty()) {
          b.append("; named as ").append(String.join(", ", other));
        }
        if (inferred) {
          b.append("; read from the article for some");
        }
        b.append(')');
      }
      return b.toString();
    }
  }

  /**
   * Outlets giving incompatible values for one fact.
   *
   * @param kind {@code DATE}, {@code NUMBER}, {@code MONEY}, {@code PERCENT} or {@code PERSON}
   * @param sides each value with its outlets and evidence
   */
  public record Conflict(String kind, List<Side> sides) {
    /** @return what differs, as a heading: "Dates differ", "Names differ", "Amounts differ" */
    public String heading() {
      return switch (kind) {
        case "DATE" -> "Dates differ";
        case "PERSON" -> "Names differ";
        default -> "Amounts differ";
      };
    }
  }

  /**
   * @param value the value
   * @param outlets outlets stating it
   * @param evidence the words giving the value, then the sentences
   */
  public record Side(String value, List<String> outlets, List<Evidence> evidence) {}

  /**
   * @param id the story id
   * @param headline its headline
   * @param articles its articles, in story order
   * @param inferredDate the date undated articles were read against (the story's earliest, ISO-8601), or {@code null}
   */
  public record Header(String id, String headline, List<ArticleRef> articles, @Nullable String inferredDate) {}

  /**
   * @param id the article id
   * @param outlet its outlet as shown, or {@code null}
   * @param title its title, or {@code null}
   * @param published its publication date as ISO-8601, or {@code null} when unknown
   * @param copyOf the article of the story it copies (exact or near-duplicate text), or {@code null}; a copy is listed
   *     but not analysed again
   * @param url its URL, or {@code null}
   * @param revision which version of the page at its URL it is, 1 for the first stored (and for an article that is the
   *     only one at its URL)
   * @param supersededBy the later revision of the same page that the report reads instead, or {@code null} when this is
   *     the latest; a superseded revision is listed but not analysed
   */
  public record ArticleRef(String id, @Nullable String outlet, @Nullable String title, @Nullable String published,
      @Nullable String copyOf, @Nullable String url, int revision, @Nullable String supersededBy) {
    public ArticleRef {
      revision = Math.max(1, revision);
    }

    /** An article that is the only one at its URL in the story. */
    public ArticleRef(String id, @Nullable String outlet, @Nullable String title, @Nullable String published,
        @Nullable String copyOf) {
      this(id, outlet, title, published, copyOf, null, 1, null);
    }
  }

  /**
   * A span of an article's stored text.
   *
   * @param article the article id
   * @param start offset of the first character
   * @param end offset past the last
   * @param text the spanned text
   */
  public record Evidence(String article, int start, int end, String text) {}

  /**
   * @param name canonical name
   * @param type entity type
   * @param variants spellings
   * @param outlets outlets that mention it
   * @param evidence its mentions
   */
  public record Entity(String name, String type, List<String> variants, List<String> outlets, List<Evidence> evidence) {}

  /**
   * @param speaker the speaker's name, or {@code null} for quotes whose speaker the text does not make clear
   * @param type the speaker's type ({@code PERSON}, {@code ORGANIZATION}, ...), or {@code null}
   * @param quotes the speaker's quotes
   */
  public record Speaker(@Nullable String speaker, @Nullable String type, List<Quote> quotes) {}

  /**
   * @param text the quoted words
   * @param outlet the outlet that carries it, or {@code null}
   * @param attribution the words naming the speaker next to it ("the ministry said"), or {@code null}
   * @param evidence the quote, and the words naming its speaker
   * @param variants the same quote as other outlets carry it, in other words or cut differently
   */
  public record Quote(String text, @Nullable String outlet, @Nullable String attribution, List<Evidence> evidence,
      List<Variant> variants) {
    public Quote {
      variants = List.copyOf(variants);
    }
  }

  /**
   * The same quote as another outlet carries it.
   *
   * @param text its words there
   * @param outlet that outlet, or {@code null}
   * @param attribution the words naming the speaker there, or {@code null}
   * @param evidence the quote there, and the words naming its speaker
   */
  public record Variant(String text, @Nullable String outlet, @Nullable String attribution, List<Evidence> evidence) {}

  /**
   * @param date the date ({@code 2025-04-26}, {@code 2024-12})
   * @param inferred whether it rests only on relative expressions in undated articles, read against the story's date
   * @param outlets outlets that date something to it
   * @param evidence the dated sentences
   */
  public record Date(String date, boolean inferred, List<String> outlets, List<Evidence> evidence) {}
}
