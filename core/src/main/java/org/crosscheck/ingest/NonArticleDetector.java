package org.crosscheck.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crosscheck.model.Article;

/**
 * Tells pages that are not articles from articles: a crawl of news sites brings in login and
 * registration pages, e-mail verification and notification notices, paywalls and subscription
 * offers, captchas, cookie notices, error and "page not found" pages, and pages with almost no
 * text. Such a page is still stored, with the reason, but never clustered or reported: identical
 * notices from different outlets would otherwise look like copies of one another and make one
 * story of unrelated events. Weather boxes, polls and news-tip requests that a crawler took for
 * the page's text are caught the same way.
 *
 * <p>A page of more than {@value #MAX_NOTICE_PAGE_WORDS} words is an article. A shorter one is read
 * paragraph by paragraph. A paragraph is a notice when it matches one of the
 * phrases of a kind below; the page is not an article when notices make up at least half of its
 * words, or when fewer than {@value #MIN_ARTICLE_WORDS} words are left once they are removed. The
 * phrases are the field's stock wording (written by hand: no library lists them); a long article
 * that mentions a newsletter or a subscription keeps far more words outside such paragraphs.
 * Stateless and thread-safe.
 */
public final class NonArticleDetector {
  /** Fewest words of text outside notices that an article has. */
  public static final int MIN_ARTICLE_WORDS = 6;
  /**
   * Longest page, in words, that is read for notices. Notice pages are short (the longest of the
   * shared corpora has 61 words); a page this long is an article whatever notices it carries.
   */
  public static final int MAX_NOTICE_PAGE_WORDS = 400;

  /**
   * A kind of notice and the phrases that give it away. Every phrase contains one of the anchors,
   * plain lower-case strings that are looked for first: a line with none of them is not matched
   * against the phrases at all, which keeps the check to a few microseconds for most articles.
   */
  private record Kind(String name, List<String> anchors, Pattern phrases) {
    Kind(String name, List<String> anchors, String regex) {
      this(name, anchors, Pattern.compile(regex)); // phrases in lower case, matched against lower-cased text
    }

    boolean matches(String lowerCaseLine) {
      for (String a : anchors) {
        if (lowerCaseLine.contains(a)) {
          return phrases.matcher(lowerCaseLine).find();
        }
      }
      return false;
    }
  }

  private static final List<Kind> KINDS = List.of(
      new Kind("a login or registration page",
          List.of("registering", "registered", "register", "sign in", "log in", "login", "account", "crie uma conta",
              "crea una cuenta", "owner of this article", "password"),
          "thank you for registering|\\bsign in to (update|your|continue|comment|read)|\\blog ?in (to|or) "
              + "|create (an|your|a free) account|use your facebook account|crie uma conta|crea una cuenta"
              + "|you are the owner of this article|forgot (your )?password|already registered\\?"
              + "|set up your account|log ?in if you already have|sign in or register|register for free"),
      new Kind("an e-mail verification notice",
          List.of("verification email", "activate your", "just one more thing", "confirm your email"),
          "verification email|activate your (profile|account)|just one more thing\\.\\.\\.|confirm your email address"),
      new Kind("a notification or newsletter notice",
          List.of("notification", "you'll get an email", "error sending your email", "newsletter"),
          "your notification has been saved|get email notifications|email notifications are only sent"
              + "|you'll get an email delivered|there was a problem saving your notification"
              + "|error sending your email|haven't selected any newsletters|sign up for our (daily )?newsletter"),
      new Kind("a paywall or subscription offer",
          List.of("premium", "subscri", "maximum number of", "deliverable", "free for ", "home delivery", "replica",
              "edition", "delivery options", "continue reading", "limit"),
          "premium clicks? used|premium subscribers only|full access subscriber|already a subscriber\\?"
              + "|without a subscription|maximum number of (free )?(stories|articles)|subscription service"
              + "|not in our deliverable area|\\bsubscribe (now|today)\\b|free for \\d+ days"
              + "|enjoy the convenience of home delivery|read our replica|e-?edition on any device"
              + "|digital e-?edition|delivery options to fit your lifestyle|subscribe to continue reading"
              + "|(reached|used up) your (free )?(article|story|monthly) limit|become a subscriber"
              + "|(available|only) (to|for) subscribers|subscribers only"),
      new Kind("a captcha",
          List.of("captcha", "are you a ", "human", "unusual traffic", "checking your browser", "press and hold"),
          "captcha|are you a (human|robot)|verify (that )?you are (a )?human"
              + "|unusual traffic from your (computer|network)|checking your browser before accessing|press and hold"),
      new Kind("a cookie notice", List.of("cookie"),
          "(we|this (web)?site) uses? cookies|cookie (policy|settings|preferences)|accept (all )?cookies"),
      new Kind("an error or missing page",
          List.of("found", "404", "403", "archive", "sending you to", "could not be loaded", "no longer", "expired",
              "error", "rented", "not available right now", "access denied", "find the page", "looking for",
              "doesn't exist", "does not exist", "unavailable"),
          "page (you (requested|are looking for) )?(was |could )?not (be )?found"
              + "|\\b404\\b.*(error|not found)|\\b403\\b.*forbidden|(article|story) (is outdated and )?was moved to"
              + " (the )?archive|the previous page is sending you to|(transcript|video|content) could not be loaded"
              + "|this (article|story|page) (is no longer|has expired)|an error (has )?occurred"
              + "|rating is available when the video has been rented|this feature is not available right now"
              + "|access denied|(couldn't|could not|can't|cannot) find the page|the page you were looking for"
              + "|this page (doesn't|does not) exist|service (temporarily )?unavailable"),
      new Kind("a weather forecast", List.of("winds ", "chance of ", "high ", "low "),
          "winds [nsew]{1,3} at \\d+|chance of (rain|snow|showers) \\d+%|\\b(high|low) \\d+f\\b"),
      new Kind("a poll", List.of("vote", "view results"), "^\\s*(vote|view results)\\s*$"),
      new Kind("a news-tip request", List.of("news tips", "submit here"),
          "send us your news tips|^\\s*submit here\\s*$"));

  /**
   * @param article an article as an importer read it
   * @return why it is not an article (e.g. {@code a login or registration page: "Thank you for
   *     registering!"}), or empty when it is one
   */
  public Optional<String> reason(Article article) {
    if (wordCount(article.text(), MAX_NOTICE_PAGE_WORDS + 1) > MAX_NOTICE_PAGE_WORDS) {
      return Optional.empty(); // notices could not make up half of it: no need to read it paragraph by paragraph
    }
    // lower case once: case-insensitive matching of every phrase at every position costs more than the rest of ingest
    String text = article.text().toLowerCase(Locale.ROOT);
    if (KINDS.stream().noneMatch(k -> k.anchors().stream().anyMatch(text::contains))) {
      int words = wordCount(article.text());
      return words < MIN_ARTICLE_WORDS ? Optional.of(tooLittle(words)) : Optional.empty();
    }
    String[] paragraphs = text.split("\n");
    String[] original = article.text().split("\n"); // the same lines, as written, to quote
    int words = 0;
    int noticeWords = 0;
    Kind first = null;
    String firstNotice = null;
    for (int i = 0; i < paragraphs.length; i++) {
      String p = paragraphs[i];
      int n = wordCount(p);
      words += n;
      if (n == 0) {
        continue;
      }
      for (Kind k : KINDS) {
        if (k.matches(p)) {
          noticeWords += n;
          if (first == null) {
            first = k;
            firstNotice = (original.length == paragraphs.length ? original[i] : p).strip();
          }
          break;
        }
      }
    }
    if (first != null && (noticeWords * 2 >= words || words - noticeWords < MIN_ARTICLE_WORDS)) {
      return Optional.of(first.name() + ": \"" + shorten(firstNotice) + "\"");
    }
    return words < MIN_ARTICLE_WORDS ? Optional.of(tooLittle(words)) : Optional.empty();
  }

  private static String tooLittle(int words) {
    return "too little text for an article (" + words + (words == 1 ? " word" : " words") + ")";
  }

  private static int wordCount(String s) {
    return wordCount(s, Integer.MAX_VALUE);
  }

  /** @return the words in the text, counted up to {@code enough} */
  private static int wordCount(String s, int enough) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length() && n < enough; i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return n;
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 80 ? one : one.substring(0, 77).strip() + "...";
  }

  @Override
  public String toString() {
    return "NonArticleDetector" + KINDS.stream().map(Kind::name).toList().toString().toLowerCase(Locale.ROOT);
  }
}
