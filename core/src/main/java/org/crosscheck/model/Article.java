package org.crosscheck.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One news article as every importer produces it. Immutable; safe to share between threads.
 *
 * @param id the article's id (from its source, or derived from its content hash)
 * @param outlet the outlet that published it, or {@code null} when the input does not say
 * @param url the canonical URL, or {@code null}
 * @param title the headline, or {@code null} when the input has none
 * @param published when it was published, as precisely as the input says
 * @param language BCP-47 language tag ({@code en}), or {@code und} when undetermined
 * @param text the body text; paragraphs separated by blank lines; never blank
 * @param textKind whether {@code text} is the full text or only a summary
 * @param provenance where it was read from
 * @param goldStory the gold story label of an evaluation corpus, never used for clustering; or {@code null}
 * @param notes warnings about how it was read (a fallback encoding, a missing full text); never null
 * @param sourceId the id the input gave the article (a JSONL {@code id}), kept as a label; not
 *     necessarily unique (corpora reuse ids), so never the key; or {@code null}
 */
public record Article(
    ArticleId id,
    @Nullable String outlet,
    @Nullable String url,
    @Nullable String title,
    Published published,
    String language,
    String text,
    TextKind textKind,
    Provenance provenance,
    @Nullable String goldStory,
    List<String> notes,
    @Nullable String sourceId) {

  /** Longest source id kept, in characters. */
  public static final int MAX_SOURCE_ID_LENGTH = 200;

  /** Language tag for an undetermined language. */
  public static final String UNDETERMINED = "und";

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(textKind, "textKind");
    Objects.requireNonNull(provenance, "provenance");
    if (text.isBlank()) {
      throw new IllegalArgumentException("article " + id + " has no text");
    }
    outlet = blankToNull(outlet);
    url = blankToNull(url);
    title = blankToNull(title);
    goldStory = blankToNull(goldStory);
    notes = List.copyOf(notes);
    sourceId = blankToNull(sourceId);
    if (sourceId != null && sourceId.length() > MAX_SOURCE_ID_LENGTH) {
      throw new IllegalArgumentException("source id is " + sourceId.length() + " characters long; the limit is "
          + MAX_SOURCE_ID_LENGTH);
    }
  }

  /**
   * Creates an article whose id is derived from its content hash (every importer does so; an id the
   * input gives is kept as {@link #sourceId()}).
   *
   * @return the article with id {@code a-<first 16 hex digits of the content hash>}
   */
  public static Article withDerivedId(
      @Nullable String outlet,
      @Nullable String url,
      @Nullable String title,
      Published published,
      String language,
      String text,
      TextKind textKind,
      Provenance provenance,
      @Nullable String goldStory,
      List<String> notes) {
    ArticleId id = ArticleId.fromContentHash(contentHash(outlet, title, text));
    return new Article(id, outlet, url, title, published, language, text, textKind, provenance, goldStory, notes,
        null);
  }

  /**
   * The hash that makes re-ingesting the same content idempotent: SHA-256 (hex) over outlet,
   * title and text, each Unicode-normalized (NFC) with whitespace collapsed. Where the article
   * came from, its id and its notes do not count.
   *
   * @return 64 lowercase hex digits
   */
  public String contentHash() {
    return contentHash(outlet, title, text);
  }

  /**
   * @param id the id the input gave the article
   * @return a copy carrying that source id
   * @throws IllegalArgumentException when it is longer than {@link #MAX_SOURCE_ID_LENGTH}
   */
  public Article withSourceId(@Nullable String id) {
    return new Article(this.id, outlet, url, title, published, language, text, textKind, provenance, goldStory, notes,
        id);
  }

  /**
   * @param reason why the page is not an article, e.g. {@code a paywall or subscription offer: "..."}
   * @return a copy marked {@link TextKind#NOT_ARTICLE}, the reason first among its notes
   */
  public Article asNotArticle(String reason) {
    List<String> withReason = new java.util.ArrayList<>();
    withReason.add("not an article: " + Objects.requireNonNull(reason, "reason"));
    withReason.addAll(notes);
    return new Article(id, outlet, url, title, published, language, text, TextKind.NOT_ARTICLE, provenance, goldStory,
        withReason, sourceId);
  }

  /** @return whether this is a real article, to be put in a story and reported */
  public boolean isArticle() {
    return textKind != TextKind.NOT_ARTICLE;
  }

  static String contentHash(@Nullable String outlet, @Nullable String title, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {outlet, title, text}) {
        sha.update(normalize(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String normalize(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
