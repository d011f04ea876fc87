package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Objects;
import org.crosscheck.export.Export;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.Store;

/**
 * {@code /api/export/KIND?format=csv|jsonl}: what {@code crosscheck export} writes, from the reports
 * built so far; the header {@code X-Stories-Without-Report} counts the stories left out. Thread-safe.
 */
final class ExportController {
  private final Store store;

  /** @param store the store exported */
  ExportController(Store store) {
    this.store = store;
  }

  /** {@code GET /api/export/KIND}. */
  void export(Context ctx) throws IOException {
    Export.Kind kind;
    Export.Format format;
    try {
      kind = Export.Kind.of(ctx.pathParam("kind"));
      format = Export.Format.of(Objects.requireNonNullElse(ctx.queryParam("format"), "csv"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    StringWriter out = new StringWriter();
    var result = Export.write(store, kind, format, s -> ReportBuilder.stored(store, s), out);
    String name = kind.name().toLowerCase(Locale.ROOT) + (format == Export.Format.CSV ? ".csv" : ".jsonl");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.header("X-Stories-Without-Report", Long.toString(result.storiesWithoutReport()));
    ctx.contentType(format == Export.Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .result(out.toString());
  }
}
