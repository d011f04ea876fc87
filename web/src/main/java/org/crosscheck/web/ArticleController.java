package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/** Stored articles as JSON ({@code /api/articles/ID}). Thread-safe. */
final class ArticleController {
  private final Store store;

  /** @param store the store the articles are read from */
  ArticleController(Store store) {
    this.store = store;
  }

  /** {@code GET /api/articles/ID}: the article, its outlet and its story. */
  void article(Context ctx) {
    Article a = find(store, ctx.pathParam("id"));
    ctx.json(ArticleJson.of(a, store.outlets(), store.storyOf(a.id()).map(StoryId::value).orElse(null)));
  }

  /**
   * @param id an article id as the request gives it
   * @return the stored article
   * @throws BadRequestResponse when the id is not an article id
   * @throws NotFoundResponse when the store has no such article
   */
  static Article find(Store store, String id) {
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,200}")) {
      throw new BadRequestResponse("'" + id + "' is not an article id (ids look like a-3f0c1e2d4b5a6978)");
    }
    return store.get(new ArticleId(id)).orElseThrow(() -> new NotFoundResponse("no article '" + id
        + "' in the store"));
  }

  /** An article as the API gives it. */
  record ArticleJson(String id, @Nullable String outlet, @Nullable String title, @Nullable String published,
      @Nullable String url, @Nullable String story, String text) {
    static ArticleJson of(Article a, Outlets outlets, @Nullable String story) {
      return new ArticleJson(a.id().value(), outlets.name(a), a.title(),
          a.published().isKnown() ? a.published().iso() : null, a.url(), story, a.text());
    }
  }
}
