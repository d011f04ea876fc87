package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.List;

/**
 * Receives an upload or a URL to ingest, for the API and for the upload page, checking in this
 * order, so that nothing is read that need not be: the declared length (413), the bearer token
 * when there is no form to carry one (401), a free upload slot (503); then, reading the form within
 * the limit, the page's form token (403, page only) and the form's token field (401); then ingests.
 * Thread-safe.
 */
final class UploadReceiver {
  private final Uploads uploads;
  private final RequestGuard guard;
  private final IngestService ingest;

  /**
   * @param uploads spools uploads and limits them
   * @param guard checks tokens
   * @param ingest ingests what was received
   */
  UploadReceiver(Uploads uploads, RequestGuard guard, IngestService ingest) {
    this.uploads = uploads;
    this.guard = guard;
    this.ingest = ingest;
  }

  /**
   * @param page whether the request is the HTML upload form's (which must carry the form token)
   * @return what the ingest did
   * @throws io.javalin.http.HttpResponseException 400, 401, 403, 413 or 503 as above
   */
  IngestResult receive(Context ctx, boolean page) {
    uploads.checkDeclaredLength(ctx);
    boolean authorized = guard.bearerAccepted(ctx.header("Authorization"));
    boolean form = Uploads.isForm(ctx);
    if (!authorized && !form) {
      throw RequestGuard.unauthorized();
    }
    if (page && !form) {
      throw new ForbiddenResponse(RequestGuard.STALE_FORM);
    }
    return uploads.withPermit(ctx, spooled -> {
      if (page) {
        guard.checkFormToken(uploads.field(ctx, "csrf"));
      }
      if (!authorized && !guard.tokenMatches(uploads.field(ctx, "token"))) {
        throw RequestGuard.unauthorized();
      }
      String url = page ? uploads.field(ctx, "url") : ctx.queryParam("url");
      if (url != null && !url.isBlank()) {
        return ingest.ingestUrl(url);
      }
      if (form && !Uploads.isMultipart(ctx)) {
        throw new BadRequestResponse("the form has no file: choose one or more files to upload, or give a URL");
      }
      return ingest.ingest(form ? uploads.files(ctx) : List.of(uploads.body(ctx, spooled)));
    });
  }

}
