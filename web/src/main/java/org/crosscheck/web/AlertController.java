package org.crosscheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.util.Map;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * Saved searches and followed stories and speakers ({@code /api/watches}), their alerts ({@code
 * /api/alerts}) and a watch's alerts as an Atom feed ({@code /feeds/searches/ID.atom}). Saving and
 * removing a watch are writes: they need the server's token when it has one. Webhooks, which hold
 * secrets, are registered from the command line only. Thread-safe.
 */
final class AlertController {
  /** Alerts in a feed or an answer at most. */
  static final int MAX_ALERTS = 200;
  private final Store store;
  private final RequestGuard guard;
  private final @Nullable URI publicUrl;

  /**
   * @param store where watches and alerts are kept
   * @param guard checks the bearer token of writes
   * @param publicUrl the URL the server is reached at through a reverse proxy, for the feeds' absolute links; or
   *     {@code null} to take them from the request
   */
  AlertController(Store store, RequestGuard guard, @Nullable URI publicUrl) {
    this.store = store;
    this.guard = guard;
    this.publicUrl = publicUrl;
  }

  /** {@code GET /api/watches}: every watch, with its number of alerts and its feed. */
  void list(Context ctx) {
    ctx.json(store.watches().stream().map(w -> json(w, store.alerts(w.id(), Integer.MAX_VALUE).size())).toList());
  }

  /** {@code POST /api/watches} with {@code {"kind": "words", "value": "harbour bridge"}}: saves a watch. */
  void add(Context ctx) {
    guard.requireBearer(ctx);
    JsonNode body;
    try {
      body = WebApp.JSON.readTree(ctx.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequestResponse("the body is not JSON: " + e.getOriginalMessage());
    }
    String kind = body == null ? "" : body.path("kind").asText("");
    String value = body == null ? "" : body.path("value").asText("").strip();
    AlertStore.Watch.Kind k;
    try {
      k = AlertStore.Watch.Kind.of(kind);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    if (value.isEmpty()) {
      throw new BadRequestResponse("a watch needs a value: the query, entity, outlet, story id or speaker");
    }
    if (k == AlertStore.Watch.Kind.STORY) {
      ReportService.parseStory(value);
    }
    if (k == AlertStore.Watch.Kind.WORDS) {
      store.search(value, 1); // refuses a query it cannot read (400, through the error mapping)
    }
    AlertStore.Watch w = store.addWatch(k, value);
    ctx.status(201).json(json(w, store.alerts(w.id(), Integer.MAX_VALUE).size()));
  }

  /** {@code DELETE /api/watches/ID}: removes a watch (its alerts stay). */
  void remove(Context ctx) {
    guard.requireBearer(ctx);
    long id = id(ctx.pathParam("id"));
    if (!store.removeWatch(id)) {
      throw new NotFoundResponse("no watch " + id + " in the store");
    }
    ctx.status(204);
  }

  /** {@code GET /api/alerts?watch=ID&limit=N}: the latest alerts, newest first. */
  void alerts(Context ctx) {
    String watch = ctx.queryParam("watch");
    long id = watch == null || watch.isBlank() ? 0 : id(watch);
    int limit = StoryFilter.number(ctx, "limit", 50, 1, MAX_ALERTS);
    ctx.json(store.alerts(id, limit).stream().map(org.crosscheck.alert.AlertJson::of).toList());
  }

  /** {@code GET /feeds/searches/ID.atom}: a watch's alerts as an Atom feed. */
  void feed(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new NotFoundResponse("no feed '" + file + "': search feeds are /feeds/searches/ID.atom");
    }
    long id = id(file.substring(0, file.length() - ".atom".length()));
    AlertStore.Watch w = store.watch(id).orElseThrow(() -> new NotFoundResponse("no watch " + id + " in the store"));
    String base = publicUrl != null ? publicUrl.toString().replaceAll("/+$", "") : ctx.scheme() + "://" + ctx.host();
    ctx.contentType("application/atom+xml; charset=utf-8").result(AlertFeed.atom(w, store.alerts(id, MAX_ALERTS),
        base));
  }

  private static long id(String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadRequestResponse("'" + text + "' is not a watch id (watch ids are numbers from 1)");
  }

  private static Map<String, Object> json(AlertStore.Watch w, int alerts) {
    Map<String, Object> o = org.crosscheck.alert.AlertJson.of(w, alerts);
    o.put("feed", "/feeds/searches/" + w.id() + ".atom");
    return o;
  }


}
