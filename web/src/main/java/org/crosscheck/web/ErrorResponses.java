package org.crosscheck.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import org.crosscheck.store.SearchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from exceptions to responses: every error answers the same way, JSON
 * {@code {"status": N, "error": MESSAGE}} under {@code /api/} and the HTML error page elsewhere.
 * Handlers and guards throw Javalin's typed responses ({@code BadRequestResponse}, {@code
 * NotFoundResponse}, ...) with a message naming the bad input; a search query the index refuses is a
 * 400; a form Jetty refused for its size a 413; anything else a 500, logged with its stack trace.
 * Thread-safe.
 */
final class ErrorResponses {
  /** The key of an {@link HttpResponseException}'s details sent as the {@code Retry-After} header (seconds). */
  static final String RETRY_AFTER = "Retry-After";
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private final Uploads uploads;

  /** @param uploads tells a form refused for its size from other failures, and gives the upload limit */
  ErrorResponses(Uploads uploads) {
    this.uploads = uploads;
  }

  /**
   * Maps every exception of every route, and answers a 500 that Jetty or Javalin set without a body.
   * Javalin has its own handler for {@link HttpResponseException}, found before one for {@link
   * Exception}; the same mapping replaces it.
   */
  void register(RoutesConfig routes) {
    routes.exception(HttpResponseException.class, this::handle);
    routes.exception(Exception.class, this::handle);
    routes.error(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        LOG.error("{} {} answered 500 without an exception to say why", ctx.method(), ctx.path());
        write(ctx, 500, "internal error while answering " + ctx.method() + " " + ctx.path());
      }
    });
  }

  /** Answers the request with the status and message the exception stands for. */
  void handle(Exception e, Context ctx) {
    if (e instanceof EndpointNotFound) {
      write(ctx, 404, "no such page: " + ctx.path());
    } else if (e instanceof HttpResponseException h) {
      String retryAfter = h.getDetails().get(RETRY_AFTER);
      if (retryAfter != null) {
        ctx.header("Retry-After", retryAfter);
      }
      boolean ownMessage = !h.getMessage().equals(HttpStatus.forStatus(h.getStatus()).getMessage());
      write(ctx, h.getStatus(), h.getStatus() == 413 && !ownMessage
          ? "the upload is larger than the limit of " + uploads.limit() + " bytes" : h.getMessage());
    } else if (e instanceof SearchStore.BadQueryException) {
      write(ctx, 400, e.getMessage());
    } else {
      HttpResponseException unreadable = uploads.unreadable(e);
      if (unreadable.getStatus() == 413 && ctx.method() == HandlerType.POST) { // Jetty refused a form for its size
        write(ctx, 413, unreadable.getMessage());
      } else {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, 500, "internal error: " + e);
      }
    }
  }

  /** Writes the error response: JSON under {@code /api/}, the HTML error page elsewhere. */
  static void write(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      ctx.json(new ErrorJson(status, message));
    } else {
      ctx.contentType("text/html; charset=utf-8").result(Pages.errorPage(status, message));
    }
  }

  /** The JSON body of an error. */
  record ErrorJson(int status, String error) {}
}
