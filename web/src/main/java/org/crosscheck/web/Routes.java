package org.crosscheck.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.config.RoutesConfig;

/**
 * Every route of the app, in one place: the guard that runs before each request, the JSON API
 * under {@code /api/}, the story feeds, the pages, and the one error mapping. Handlers are the
 * controllers' methods; what they need was passed to the controllers' constructors.
 *
 * @param guard checks the Host and where writes come from, and sets the security headers
 * @param server health, the OpenAPI description and the assets
 * @param stories the story list and reports as JSON
 * @param articles articles as JSON
 * @param search search as JSON
 * @param ingest ingest through the API
 * @param exports exports as CSV or JSON Lines
 * @param feeds story feeds
 * @param alerts watches, alerts and the search feeds
 * @param pages the HTML pages
 * @param errors the error mapping
 */
record Routes(RequestGuard guard, ServerController server, StoryController stories, ArticleController articles,
    SearchController search, IngestController ingest, ExportController exports, FeedController feeds,
    AlertController alerts, Pages pages,
    ErrorResponses errors) {

  /** Declares the routes and the error mapping. */
  void declare(RoutesConfig routes) {
    routes.apiBuilder(() -> {
      before(ctx -> {
        RequestGuard.headers(ctx);
        guard.check(ctx);
      });
      path("assets", () -> {
        get("app.js", server::script);
        get("app.css", server::style);
      });
      path("api", () -> {
        get("health", server::health);
        get("openapi.json", server::openApi);
        path("stories", () -> {
          get(stories::list);
          get("{id}", stories::report);
          get("{id}/changes", stories::changes);
        });
        path("articles", () -> {
          post(ingest::upload);
          get("{id}", articles::article);
        });
        get("search", search::search);
        path("watches", () -> {
          get(alerts::list);
          post(alerts::add);
          delete("{id}", alerts::remove);
        });
        get("alerts", alerts::alerts);
        get("export/{kind}", exports::export);
      });
      get("feeds/stories/{file}", feeds::story);
      get("feeds/searches/{file}", alerts::feed);
      get("/", pages::home);
      get("stories/{id}", pages::story);
      get("articles/{id}", pages::article);
      get("search", pages::search);
      path("ingest", () -> {
        get(pages::ingestForm);
        post(pages::ingest);
      });
    });
    errors.register(routes);
  }
}
