package org.crosscheck.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import org.crosscheck.store.Store;

/**
 * What the server says about itself: {@code /api/health}, the API's OpenAPI description and the
 * page assets (script and style sheet). Thread-safe.
 */
final class ServerController {
  private final Store store;

  /** @param store the store served, counted by the health check */
  ServerController(Store store) {
    this.store = store;
  }

  /** {@code GET /api/health}: {@code {"status": "ok", "articles": N}}. */
  void health(Context ctx) {
    ctx.json(new HealthJson("ok", store.count()));
  }

  /** {@code GET /api/openapi.json}. */
  void openApi(Context ctx) {
    ctx.contentType("application/json").result(OpenApi.document());
  }

  /** {@code GET /assets/app.js}: the upload page's progress script. */
  void script(Context ctx) throws IOException {
    asset(ctx, "app.js", "text/javascript; charset=utf-8");
  }

  /** {@code GET /assets/app.css}. */
  void style(Context ctx) throws IOException {
    asset(ctx, "app.css", "text/css; charset=utf-8");
  }

  private static void asset(Context ctx, String name, String type) throws IOException {
    try (InputStream in = ServerController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new NotFoundResponse("no such asset: " + name);
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
    }
  }

  /** The health check's answer. */
  record HealthJson(String status, long articles) {}
}
