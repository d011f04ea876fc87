package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.junit.jupiter.api.Test;

class NonArticleDetectorTest {
  private final NonArticleDetector detector = new NonArticleDetector();

  private static Article page(String text) {
    return Article.withDerivedId("The Test Herald", null, null, Published.unknown(), "en", text, TextKind.FULL,
        new Provenance(Provenance.Kind.FILE, "page.html", null, "test"), null, List.of());
  }

  @Test
  void everyKindOfNoticeIsNotAnArticleAndSaysWhich() {
    Map<String, String> pages = Map.ofEntries(
        Map.entry("Thank you for registering!\n\nWe look forward to seeing you frequently. Visit us and sign in to"
            + " update your profile, receive the latest news and keep up to date with mobile alerts.",
            "a login or registration page"),
        Map.entry("Just One More Thing...\n\nWe have sent you a verification email. Please check your email and"
            + " click on the link to activate your profile.", "an e-mail verification notice"),
        Map.entry("Close Get email notifications on Kim Bell daily!\n\nYour notification has been saved.\n\nWhenever"
            + " Kim Bell posts new content, you'll get an email delivered to your inbox with a link.",
            "a notification or newsletter notice"),
        Map.entry("TRY IT FREE FOR 30 DAYS\n\nYou've now read the maximum number of stories available without a"
            + " subscription.", "a paywall or subscription offer"),
        Map.entry("Please complete the CAPTCHA below to continue.\n\nWe have detected unusual traffic from your"
            + " network.", "a captcha"),
        Map.entry("This website uses cookies to improve your experience. Read our cookie policy.", "a cookie notice"),
        Map.entry("Sorry, the page you requested was not found.\n\nGo back to the home page.",
            "an error or missing page"),
        Map.entry("Hopkinsville, KY (42240)\n\nToday\n\nThunderstorms. High 78F. Winds SW at 10 to 20 mph. Chance of"
            + " rain 80%.", "a weather forecast"),
        Map.entry("Para ver mais coisas de NBC12 no Facebook, entre ou crie uma conta.", "a login or registration page"),
        // common wording none of the shared corpora happens to contain
        Map.entry("You have reached your free article limit for this month.\n\nSubscribe to continue reading.",
            "a paywall or subscription offer"),
        Map.entry("Sign in or register to read this story. Create a free account in seconds.",
            "a login or registration page"),
        Map.entry("Checking your browser before accessing the site. Press and hold the button.", "a captcha"),
        Map.entry("403 Forbidden\n\nAccess denied. You do not have permission to view this page.",
            "an error or missing page"),
        Map.entry("Sorry, we couldn't find the page you were looking for. Try the search box above.",
            "an error or missing page"),
        Map.entry("We use cookies to personalise content. Accept all cookies or manage your preferences.",
            "a cookie notice"));
    pages.forEach((text, kind) -> assertThat(detector.reason(page(text))).as(text).hasValueSatisfying(
        r -> assertThat(r).startsWith(kind + ": \"")));
    assertThat(detector.reason(page("03:24 Later")))
        .hasValue("too little text for an article (3 words)");
  }

  @Test
  void anArticleThatMentionsNewslettersAndSubscriptionsIsAnArticle() {
    String article = "Police said the Wednesday afternoon shooting appears to be an accident.\n\n"
        + "A 16-year-old was taken to the hospital with a wound to the leg and is expected to recover, a spokesman"
        + " said, adding that detectives were still talking to the two other boys who were in the house.\n\n"
        + "Sign up for our newsletter to get the day's top stories.";
    assertThat(detector.reason(page(article))).isEmpty();
    assertThat(detector.reason(page("The parliament election is over in Turkmenistan ."))).isEmpty();
  }

  private static List<Article> read(ArticleImporter importer, Path file) throws IOException {
    List<Article> out = new ArrayList<>();
    importer.read(new FileInput(file), item -> {
      if (item instanceof Imported.Parsed p) {
        out.add(p.article());
      }
    });
    return out;
  }

  @Test
  void noRealArticleOfTheSharedCorporaIsFlagged() throws IOException {
    List<Article> articles = new ArrayList<>();
    for (String corpus : List.of("basil-2010-2016.jsonl", "ecbplus-train-dev.jsonl")) {
      articles.addAll(read(new JsonlArticleImporter(), SharedData.path(corpus)));
    }
    for (String dir : List.of("polnear-train/text", "polnear-dev/text", "seeds")) {
      try (var files = Files.list(SharedData.path(dir))) {
        for (Path p : files.sorted().toList()) {
          articles.addAll(read(new TextArticleImporter(), p));
        }
      }
    }
    assertThat(articles).hasSizeGreaterThan(1_900);
    assertThat(articles).filteredOn(a -> detector.reason(a).isPresent()).isEmpty();
  }

  @Test
  void theCrawledStubsOfTheLocalNewsStreamAreFlaggedAndItsArticlesAreNot() throws IOException {
    List<Article> gva = read(new JsonlArticleImporter(), SharedData.path("gva-2013-2015.jsonl"));
    List<Article> flagged = gva.stream().filter(a -> detector.reason(a).isPresent()).toList();
    // read one by one: 77 pages, all notices (registration, verification, notification, paywall, error pages,
    // weather boxes); the longest has 61 words, and the shortest real article (11 words) is kept
    assertThat(flagged).hasSizeBetween(70, 90);
    assertThat(flagged).allSatisfy(a -> assertThat(a.text().split("\\s+").length).as(a.text()).isLessThan(70));
    assertThat(gva).filteredOn(a -> a.text().startsWith("Police said the Wednesday afternoon shooting"))
        .singleElement().satisfies(a -> assertThat(detector.reason(a)).isEmpty());
  }
}
