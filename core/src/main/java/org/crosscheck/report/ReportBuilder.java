package org.crosscheck.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.CachingAnalyzer;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.cluster.Stories;
import org.crosscheck.compare.ClaimAligner;
import org.crosscheck.compare.EntityResolver;
import org.crosscheck.compare.Timeline;
import org.crosscheck.store.Store;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.model.TextSpan;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;

/**
 * Builds a story's report: analyses each article (once; the analyses are cached in the store),
 * reading undated articles against the story's earliest date, then gathers entities across
 * outlets, aligns claims across outlets (consensus, conflicts, exclusives, and the summary drawn
 * from them), quotes by speaker and the timeline. Thread-safe when the store is.
 */
public final class ReportBuilder {
  private final CachingAnalyzer analyzer;
  private final ClaimAligner aligner;

  /**
   * @param analyzer how articles are analysed
   * @param aligner how claims are aligned across outlets
   */
  public ReportBuilder(CachingAnalyzer analyzer, ClaimAligner aligner) {
    this.analyzer = analyzer;
    this.aligner = aligner;
  }

  /** Names the report's shape and the way it is built: change it when either changes, so stored reports are rebuilt. */
  public static final String VERSION = "report-14/" + org.crosscheck.analysis.CoreNlpAnalyzer.VERSION;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The story's report from the store when its story has not changed since it was built (same
   * articles, same builder version), else built, stored, and its entities and quotes indexed for
   * search ({@link ReportEntries}).
   *
   * @param store the store holding the story, where reports are kept
   * @param id the story
   * @return its report, or empty when the store has no such story
   */
  public Optional<StoryReport> report(Store store, StoryId id) {
    return report(store, id, false);
  }

  /**
   * @param store the store holding the story, where reports are kept
   * @param id the story
   * @param rebuild whether to build it anew even when the stored report is up to date
   * @return its report, or empty when the store has no such story
   */
  public Optional<StoryReport> report(Store store, StoryId id, boolean rebuild) {
    Optional<Story> story = Stories.get(store, id);
    if (story.isEmpty()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(story.get());
    Optional<StoryReport> cached = rebuild ? Optional.empty() : parse(store.report(id, fingerprint));
    if (cached.isPresent()) {
      return cached; // an unreadable stored report is rebuilt below and replaced
    }
    StoryReport built = build(store, story.get());
    try {
      store.putReport(id, fingerprint, JSON.writeValueAsString(built));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report of " + id + " as JSON", e);
    }
    store.indexReport(id.value(), ReportEntries.of(id.value(), built));
    return Optional.of(built);
  }

  /**
   * @param store the store where reports are kept
   * @param story the story
   * @return its stored report when it is up to date, without building one
   */
  public static Optional<StoryReport> stored(org.crosscheck.store.ReportStore store, Story story) {
    return parse(store.report(story.id(), fingerprint(story)));
  }

  /** @return the stored report read back, or empty when there is none or it cannot be read */
  private static Optional<StoryReport> parse(Optional<String> json) {
    return json.flatMap(j -> {
      try {
        return Optional.of(ReportRenderer.read(j));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * @return a digest of what a story's report is built from: the builder's version, the story's articles in
   *     order and its outlets' names (so that renaming or merging outlets in the registry rebuilds the report)
   */
  public static String fingerprint(Story story) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (ArticleId a : story.articles()) {
        sha.update((byte) 0);
        sha.update(a.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      for (String outlet : story.outlets()) {
        sha.update((byte) 1);
        sha.update(outlet.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Builds a story's report now, whatever is stored.
   *
   * @param store the store holding the story
   * @param id the story
   * @return its report, or empty when the store has no such story
   */
  public Optional<StoryReport> build(Store store, StoryId id) {
    return Stories.get(store, id).map(story -> build(store, story));
  }

  private StoryReport build(Store store, Story story) {
    List<Article> all = new ArrayList<>();
    for (ArticleId a : story.articles()) {
      store.get(a).ifPresent(all::add);
    }
    Revisions revisions = Revisions.of(all);
    // a copy of another article of the story says nothing its original does not: it is listed, not analysed again;
    // an earlier revision of a page is listed too, and the report reads the latest
    java.util.Set<ArticleId> members = new java.util.HashSet<>(story.articles());
    Map<ArticleId, ArticleId> copyOf = new HashMap<>();
    for (Article a : all) {
      store.duplicateOf(a.id()).filter(l -> members.contains(l.original()) && !l.original().equals(a.id())
              && !revisions.samePage(a.id(), l.original()))
          .ifPresent(l -> copyOf.put(a.id(), l.original()));
    }
    List<Article> articles = all.stream()
        .filter(a -> !copyOf.containsKey(a.id()) && revisions.supersededBy(a.id()) == null).toList();
    Outlets outlets = store.outlets();
    LocalDate inferred = Timeline.inferredAnchor(articles.stream().map(a -> a.published().localDate().orElse(null))
        .toList());
    List<EntityResolver.Source> entitySources = new ArrayList<>();
    List<Timeline.Source> timeSources = new ArrayList<>();
    Map<ArticleId, Article> byId = new HashMap<>();
    Map<ArticleId, Analysis> analyses = new LinkedHashMap<>();
    for (Article a : articles) {
      Analysis analysis = analyzer.analyze(a, inferred);
      byId.put(a.id(), a);
      analyses.put(a.id(), analysis);
      entitySources.add(new EntityResolver.Source(a.id(), outlets.name(a), a.text(), analysis));
      timeSources.add(new Timeline.Source(a.id(), outlets.name(a), a.text(), analysis,
          !a.published().isKnown() && inferred != null));
    }
    List<EntityResolver.Entity> entities = EntityResolver.resolve(entitySources);
    List<StoryReport.ArticleRef> refs = all.stream().map(a -> new StoryReport.ArticleRef(a.id().value(),
        outlets.name(a), a.title(), a.published().isKnown() ? a.published().iso() : null,
        copyOf.containsKey(a.id()) ? copyOf.get(a.id()).value() : null, a.url(), revisions.revision(a.id()),
        revisions.supersededBy(a.id()) == null ? null : revisions.supersededBy(a.id()).value())).toList();
    boolean anyUndated = articles.stream().anyMatch(a -> !a.published().isKnown());
    StoryReport.Header header = new StoryReport.Header(story.id().value(), story.headline(), refs,
        anyUndated && inferred != null ? inferred.toString() : null);
    // what an outlet prints on every page is no claim of the story's
    List<ClaimAligner.Source> claimSources = articles.stream().map(a -> new ClaimAligner.Source(a.id(),
        outlets.name(a), a.text(), analyses.get(a.id()), OutletBoilerplate.boilerplateLines(a, store)))
        .toList();
    ClaimAligner.Result aligned = aligner.align(claimSources, entities);
    List<StoryReport.Fact> consensus = aligned.consensus().stream().map(f -> new StoryReport.Fact(
        f.claims().getFirst().text(), f.outlets(), f.origins().stream().map(o -> new StoryReport.Origin(o.name(),
            o.outlets(), o.named(), o.inferred())).toList(), claimEvidence(f.claims(), byId))).toList();
    List<StoryReport.Conflict> conflicts = aligned.conflicts().stream().map(c -> new StoryReport.Conflict(c.kind(),
        c.sides().stream().map(side -> new StoryReport.Side(side.value(), side.outlets(), sideEvidence(side, byId)))
            .toList())).toList();
    List<StoryReport.Sentence> exclusives = aligned.exclusives().stream().map(c -> new StoryReport.Sentence(c.text(),
        List.of(c.outlet()), claimEvidence(List.of(c), byId))).toList();
    return new StoryReport(header, summary(consensus, exclusives), consensus, conflicts, exclusives,
        quotes(analyses, byId, entities, outlets), timeline(Timeline.of(timeSources), byId), entities(entities, byId));
  }

  /** Most sentences in a summary. */
  static final int SUMMARY_MAX = 5;
  /** Fewest, when the story has that many facts. */
  static final int SUMMARY_MIN = 3;

  /** @return the best-stated sentence of the most widely stated facts, then exclusives to reach the minimum */
  private static List<StoryReport.Sentence> summary(List<StoryReport.Fact> consensus,
      List<StoryReport.Sentence> exclusives) {
    List<StoryReport.Sentence> out = new ArrayList<>();
    for (StoryReport.Fact f : consensus) {
      if (out.size() == SUMMARY_MAX) {
        break;
      }
      out.add(new StoryReport.Sentence(f.text(), f.outlets(), f.evidence()));
    }
    for (StoryReport.Sentence e : exclusives) {
      if (out.size() >= SUMMARY_MIN) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  private static List<StoryReport.Evidence> claimEvidence(List<ClaimAligner.Claim> claims, Map<ArticleId, Article> byId) {
    return claims.stream().map(c -> evidence(byId.get(c.article()), c.span())).toList();
  }

  private static List<StoryReport.Evidence> sideEvidence(ClaimAligner.Side side, Map<ArticleId, Article> byId) {
    List<StoryReport.Evidence> out = new ArrayList<>();
    for (int i = 0; i < side.claims().size(); i++) {
      out.add(evidence(byId.get(side.claims().get(i).article()), side.words().get(i)));
    }
    side.claims().stream().distinct().forEach(c -> out.add(evidence(byId.get(c.article()), c.span())));
    return out;
  }

  private static StoryReport.Evidence evidence(Article a, TextSpan span) {
    return new StoryReport.Evidence(a.id().value(), span.start(), span.end(), span.of(a.text()));
  }

  private static List<StoryReport.Entity> entities(List<EntityResolver.Entity> entities, Map<ArticleId, Article> byId) {
    return entities.stream().map(e -> new StoryReport.Entity(e.name(), e.type(), e.variants(), e.outlets(),
        e.mentions().stream().map(m -> evidence(byId.get(m.article()), m.span())).toList())).toList();
  }

  /** A quote while the report is built: its speaker's name (null when unattributed) and its variants so far. */
  private static final class Gathered {
    final @Nullable String speaker;
    final ArticleId article;
    final StoryReport.Variant quote;
    final List<StoryReport.Variant> variants = new ArrayList<>();

    Gathered(@Nullable String speaker, ArticleId article, StoryReport.Variant quote) {
      this.speaker = speaker;
      this.article = article;
      this.quote = quote;
    }
  }

  /** Share of the shorter quote's content words that the longer must hold for the two to be one quote in two wordings. */
  static final double VARIANT_OVERLAP = 0.75;
  /** Fewest content words a quote needs to be matched as a variant (shorter ones are set phrases). */
  static final int VARIANT_MIN_WORDS = 5;
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("the", "a", "an", "and", "or", "of",
      "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its",
      "their", "they", "we", "our", "this", "that", "these", "those", "will", "would", "has", "have", "had", "not");

  private static List<StoryReport.Speaker> quotes(Map<ArticleId, Analysis> analyses, Map<ArticleId, Article> byId,
      List<EntityResolver.Entity> entities, Outlets outlets) {
    Map<String, String> canonical = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      for (String v : e.variants()) {
        canonical.putIfAbsent(v, e.name());
      }
      types.put(e.name(), e.type());
    }
    // attributed quotes first, so that an unattributed wording joins the attributed one
    List<Gathered> all = new ArrayList<>();
    Map<String, String> speakerTypes = new HashMap<>();
    for (boolean attributed : new boolean[] {true, false}) {
      for (var e : analyses.entrySet()) {
        Article a = byId.get(e.getKey());
        for (Analysis.Quote q : e.getValue().quotes()) {
          if ((q.speaker() != null) != attributed) {
            continue;
          }
          List<StoryReport.Evidence> ev = new ArrayList<>();
          ev.add(evidence(a, q.span()));
          String name = null;
          if (q.speaker() != null) {
            ev.add(evidence(a, q.speaker().span()));
            name = canonical.getOrDefault(q.speaker().name(), q.speaker().name());
            speakerTypes.putIfAbsent(name, types.getOrDefault(name, q.speaker().type()));
          }
          StoryReport.Variant v = new StoryReport.Variant(q.text(), outlets.name(a),
              q.speaker() == null ? null : q.speaker().text(), ev);
          Gathered same = all.stream().filter(g -> !g.article.equals(a.id()) && sameQuote(g.quote.text(), q.text()))
              .findFirst().orElse(null);
          if (same != null) {
            same.variants.add(v);
          } else {
            all.add(new Gathered(name, a.id(), v));
          }
        }
      }
    }
    Map<String, List<StoryReport.Quote>> bySpeaker = new LinkedHashMap<>();
    List<StoryReport.Quote> unattributed = new ArrayList<>();
    for (Gathered g : all) {
      StoryReport.Quote q = new StoryReport.Quote(g.quote.text(), g.quote.outlet(), g.quote.attribution(),
          g.quote.evidence(), g.variants);
      if (g.speaker == null) {
        unattributed.add(q);
      } else {
        bySpeaker.computeIfAbsent(g.speaker, n -> new ArrayList<>()).add(q);
      }
    }
    List<StoryReport.Speaker> out = new ArrayList<>();
    bySpeaker.forEach((name, qs) -> out.add(new StoryReport.Speaker(name, speakerTypes.get(name), qs)));
    out.sort(Comparator.comparingInt((StoryReport.Speaker s) -> s.quotes().size()).reversed());
    if (!unattributed.isEmpty()) {
      out.add(new StoryReport.Speaker(null, null, unattributed));
    }
    return out;
  }

  /**
   * @return whether two quotes are one quote in two wordings: most content words of the shorter
   *     (five or more) are in the longer ("immediately cease their unlawful military cooperation" and "... to immediately
   *     cease their illegal military cooperation and will take ...")
   */
  static boolean sameQuote(String a, String b) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    List<String> shorter = wa.size() <= wb.size() ? wa : wb;
    java.util.Set<String> longer = new java.util.HashSet<>(wa.size() <= wb.size() ? wb : wa);
    if (shorter.size() < VARIANT_MIN_WORDS) {
      return false;
    }
    long held = shorter.stream().filter(longer::contains).count();
    return held >= VARIANT_OVERLAP * shorter.size();
  }

  private static List<String> words(String s) {
    return java.util.Arrays.stream(s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty() && !FUNCTION_WORDS.contains(w)).toList();
  }

  private static List<StoryReport.Date> timeline(List<Timeline.Entry> entries, Map<ArticleId, Article> byId) {
    return entries.stream().map(t -> new StoryReport.Date(t.date(), t.inferred(), t.outlets(),
        t.evidence().stream().map(ev -> evidence(byId.get(ev.article()), ev.sentence())).toList())).toList();
  }
}
