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
import org.crosscheck.cluster.Stories;
import org.crosscheck.compare.ClaimAligner;
import org.crosscheck.compare.EntityResolver;
import org.crosscheck.compare.SentenceEmbedder;
import org.crosscheck.compare.Timeline;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.model.TextSpan;
import org.crosscheck.store.ArticleStore;
import org.crosscheck.store.SketchStore;
import org.crosscheck.store.StoryStore;

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

  /** @param analyzer how articles are analysed; claims are aligned with sentence embeddings */
  public ReportBuilder(CachingAnalyzer analyzer) {
    this(analyzer, new ClaimAligner(new SentenceEmbedder()));
  }

  /** Names the report's shape and the way it is built: change it when either changes, so stored reports are rebuilt. */
  public static final String VERSION = "report-1/" + org.crosscheck.analysis.CoreNlpAnalyzer.VERSION;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The story's report from the store when its story has not changed since it was built (same
   * articles, same builder version), else built and stored.
   *
   * @param store the store holding the story, where reports are kept
   * @param id the story
   * @return its report, or empty when the store has no such story
   */
  public <S extends ArticleStore & SketchStore & StoryStore & org.crosscheck.store.ReportStore> Optional<StoryReport>
      report(S store, StoryId id) {
    Optional<Story> story = Stories.get(store, id);
    if (story.isEmpty()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(story.get());
    Optional<String> cached = store.report(id, fingerprint);
    if (cached.isPresent()) {
      try {
        return Optional.of(JSON.readValue(cached.get(), StoryReport.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
        // unreadable: rebuilt below and replaced
      }
    }
    Optional<StoryReport> built = build(store, id);
    built.ifPresent(r -> {
      try {
        store.putReport(id, fingerprint, JSON.writeValueAsString(r));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write the report of " + id + " as JSON", e);
      }
    });
    return built;
  }

  /** @return a digest of what a story's report is built from: the builder's version and the story's articles in order */
  static String fingerprint(Story story) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (ArticleId a : story.articles()) {
        sha.update((byte) 0);
        sha.update(a.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
  public <S extends ArticleStore & SketchStore & StoryStore> Optional<StoryReport> build(S store, StoryId id) {
    Optional<Story> found = Stories.get(store, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Story story = found.get();
    List<Article> articles = new ArrayList<>();
    for (ArticleId a : story.articles()) {
      store.get(a).ifPresent(articles::add);
    }
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
      entitySources.add(new EntityResolver.Source(a.id(), a.displayOutlet(), a.text(), analysis));
      timeSources.add(new Timeline.Source(a.id(), a.displayOutlet(), a.text(), analysis,
          !a.published().isKnown() && inferred != null));
    }
    List<EntityResolver.Entity> entities = EntityResolver.resolve(entitySources);
    List<StoryReport.ArticleRef> refs = articles.stream().map(a -> new StoryReport.ArticleRef(a.id().value(),
        a.displayOutlet(), a.title(), a.published().isKnown() ? a.published().iso() : null)).toList();
    boolean anyUndated = articles.stream().anyMatch(a -> !a.published().isKnown());
    StoryReport.Header header = new StoryReport.Header(story.id().value(), story.headline(), refs,
        anyUndated && inferred != null ? inferred.toString() : null);
    List<ClaimAligner.Source> claimSources = articles.stream().map(a -> new ClaimAligner.Source(a.id(),
        a.displayOutlet(), a.text(), analyses.get(a.id()))).toList();
    ClaimAligner.Result aligned = aligner.align(claimSources, entities);
    List<StoryReport.Fact> consensus = aligned.consensus().stream().map(f -> new StoryReport.Fact(
        f.claims().getFirst().text(), f.outlets(), f.origins(), claimEvidence(f.claims(), byId))).toList();
    List<StoryReport.Conflict> conflicts = aligned.conflicts().stream().map(c -> new StoryReport.Conflict(c.kind(),
        c.sides().stream().map(side -> new StoryReport.Side(side.value(), side.outlets(), sideEvidence(side, byId)))
            .toList())).toList();
    List<StoryReport.Sentence> exclusives = aligned.exclusives().stream().map(c -> new StoryReport.Sentence(c.text(),
        List.of(c.outlet()), claimEvidence(List.of(c), byId))).toList();
    return Optional.of(new StoryReport(header, summary(consensus, exclusives), consensus, conflicts, exclusives,
        quotes(analyses, byId, entities), timeline(Timeline.of(timeSources), byId), entities(entities, byId)));
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

  private static List<StoryReport.Speaker> quotes(Map<ArticleId, Analysis> analyses, Map<ArticleId, Article> byId,
      List<EntityResolver.Entity> entities) {
    Map<String, String> canonical = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      for (String v : e.variants()) {
        canonical.putIfAbsent(v, e.name());
      }
      types.put(e.name(), e.type());
    }
    Map<String, List<StoryReport.Quote>> bySpeaker = new LinkedHashMap<>();
    Map<String, String> speakerTypes = new HashMap<>();
    List<StoryReport.Quote> unattributed = new ArrayList<>();
    for (var e : analyses.entrySet()) {
      Article a = byId.get(e.getKey());
      for (Analysis.Quote q : e.getValue().quotes()) {
        List<StoryReport.Evidence> ev = new ArrayList<>();
        ev.add(evidence(a, q.span()));
        if (q.speaker() == null) {
          unattributed.add(new StoryReport.Quote(q.text(), a.displayOutlet(), null, ev));
          continue;
        }
        ev.add(evidence(a, q.speaker().span()));
        String name = canonical.getOrDefault(q.speaker().name(), q.speaker().name());
        bySpeaker.computeIfAbsent(name, n -> new ArrayList<>())
            .add(new StoryReport.Quote(q.text(), a.displayOutlet(), q.speaker().text(), ev));
        speakerTypes.putIfAbsent(name, types.getOrDefault(name, q.speaker().type()));
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

  private static List<StoryReport.Date> timeline(List<Timeline.Entry> entries, Map<ArticleId, Article> byId) {
    return entries.stream().map(t -> new StoryReport.Date(t.date(), t.inferred(), t.outlets(),
        t.evidence().stream().map(ev -> evidence(byId.get(ev.article()), ev.sentence())).toList())).toList();
  }
}
