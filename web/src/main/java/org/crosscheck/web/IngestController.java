package org.crosscheck.web;

import io.javalin.http.Context;

/** Ingest through the API ({@code POST /api/articles}): JSON Lines, files, or a URL to fetch. Thread-safe. */
final class IngestController {
  private final UploadReceiver receiver;

  /** @param receiver checks and receives uploads, and ingests them */
  IngestController(UploadReceiver receiver) {
    this.receiver = receiver;
  }

  /** {@code POST /api/articles}: answers what the ingest did, with its status ({@link IngestResult#status()}). */
  void upload(Context ctx) {
    IngestResult r = receiver.receive(ctx, false);
    ctx.status(r.status()).json(r);
  }
}
