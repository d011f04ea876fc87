package org.crosscheck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.crosscheck.model.Article;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of an article in CLI output: {@code outlet} as the input named it, {@code outletDisplay}
 * and {@code outletKey} as the outlet registry resolves it. {@code text} is left out of listings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleJson(
    String id,
    @Nullable String sourceId,
    @Nullable String outlet,
    String outletDisplay,
    String outletKey,
    @Nullable String title,
    String published,
    @Nullable String url,
    String language,
    String textKind,
    int textLength,
    Source source,
    @Nullable String goldStory,
    List<String> notes,
    @Nullable String text) {

  /**
   * @param kind file, url, stdin or bundled
   * @param location path or URL
   * @param locator place inside the input, or null
   * @param importer importer name
   */
  record Source(String kind, String location, @Nullable String locator, String importer) {}

  /**
   * @param a the article
   * @param outlets how its outlet is named
   * @param withText whether to include its text
   */
  static ArticleJson of(Article a, Outlets outlets, boolean withText) {
    var p = a.provenance();
    Outlet outlet = outlets.of(a);
    return new ArticleJson(a.id().value(), a.sourceId(), a.outlet(), outlet.name(), outlet.key(), a.title(), a.published().iso(), a.url(),
        a.language(), a.textKind().name().toLowerCase(java.util.Locale.ROOT), a.text().length(),
        new Source(p.kind().name().toLowerCase(java.util.Locale.ROOT), p.location(), p.locator(), p.importer()),
        a.goldStory(), a.notes(), withText ? a.text() : null);
  }
}
