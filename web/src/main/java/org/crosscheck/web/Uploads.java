package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.ServiceUnavailableResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.crosscheck.ingest.Input;
import org.crosscheck.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Receives uploads without holding them in memory: multipart files are spooled to a temporary
 * directory by Jetty, a JSON Lines body is copied to a file there, and the ingest reads them as
 * streams. Only a bounded number of uploads are received at once; the others are refused with 503
 * and {@code Retry-After}. Every file is deleted when its request ends. Thread-safe.
 */
final class Uploads implements AutoCloseable {
  /** Seconds a refused upload is told to wait. */
  static final int RETRY_AFTER_SECONDS = 5;
  /** Parts up to this size stay in memory; larger ones go to disk. */
  static final int IN_MEMORY_BYTES = 16 * 1024;

  private final long limit;
  private final Semaphore permits;
  private final Path directory;
  /** Runs once an upload holds its permit, before its body is read; a test uses it to hold one. */
  volatile Runnable afterPermit = () -> {};

  /**
   * @param limit the largest upload in bytes
   * @param concurrent how many uploads may be received at once
   */
  Uploads(long limit, int concurrent) {
    this.limit = limit;
    this.permits = new Semaphore(concurrent);
    try {
      this.directory = Files.createTempDirectory("crosscheck-uploads-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for uploads in " + System.getProperty("java.io.tmpdir"),
          e);
    }
  }

  /** @return where uploads are spooled while they are ingested */
  Path directory() {
    return directory;
  }

  /** @return the upload limit in bytes */
  long limit() {
    return limit;
  }

  /** What a request is allowed to do with an upload permit. */
  @FunctionalInterface
  interface Receiver<T> {
    T receive(List<Path> spooled) throws IOException;
  }

  /**
   * Refuses at once a request whose declared length is over the limit (before anything else reads it).
   *
   * @throws ContentTooLargeResponse when the declared length is over the limit
   */
  void checkDeclaredLength(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge("the upload is " + declared + " bytes");
    }
  }

  ContentTooLargeResponse tooLarge(String what) {
    return new ContentTooLargeResponse(what + ", more than the limit of " + limit + " bytes");
  }

  /**
   * Runs {@code receiver} holding one of the upload permits, then deletes what it spooled and every
   * multipart file of the request.
   *
   * @throws ServiceUnavailableResponse with {@link ErrorResponses#RETRY_AFTER} when as many uploads as allowed are
   *     being received
   */
  <T> T withPermit(Context ctx, Receiver<T> receiver) {
    if (!permits.tryAcquire()) {
      throw new ServiceUnavailableResponse("the server is busy receiving other uploads: try again in "
          + RETRY_AFTER_SECONDS + " seconds", Map.of(ErrorResponses.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)));
    }
    List<Path> spooled = new ArrayList<>();
    try {
      afterPermit.run();
      return receiver.receive(spooled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteParts(ctx);
      spooled.forEach(Uploads::deleteQuietly);
      permits.release();
    }
  }

  /** @return whether the request is a form (multipart or URL-encoded) */
  static boolean isForm(Context ctx) {
    return isMultipart(ctx) || contentType(ctx).startsWith("application/x-www-form-urlencoded");
  }

  static boolean isMultipart(Context ctx) {
    return contentType(ctx).startsWith("multipart/form-data");
  }

  private static String contentType(Context ctx) {
    return ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
  }

  /**
   * @return a field of the request's form, reading the form (to disk, within the limit) if not read yet
   * @throws HttpResponseException 413 when the form is over the limit, 400 when it cannot be read
   */
  @Nullable String field(Context ctx, String name) {
    try {
      return ctx.formParam(name);
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** @return the files of a multipart request as inputs read from where Jetty spooled them */
  List<Input> files(Context ctx) {
    List<Input> inputs = new ArrayList<>();
    try {
      ctx.uploadedFiles(); // parses the form with the configured limits
      for (Part p : ctx.req().getParts()) {
        String filename = p.getSubmittedFileName();
        if (filename == null || filename.isEmpty() && p.getSize() == 0) {
          continue; // a field, or the form's file field left empty
        }
        inputs.add(new UploadInput("upload:" + filename, Provenance.Kind.FILE, p.getSize(), p.getContentType(),
            p::getInputStream));
      }
    } catch (HttpResponseException e) {
      throw e;
    } catch (Exception e) {
      throw unreadable(e);
    }
    if (inputs.isEmpty()) {
      throw new BadRequestResponse("the form has no file: choose one or more files to upload");
    }
    return inputs;
  }

  /** @return the request body copied to a file (deleted with the request), as one JSON Lines input */
  Input body(Context ctx, List<Path> spooled) throws IOException {
    Path file = Files.createTempFile(directory, "body-", ".jsonl");
    spooled.add(file);
    long n = 0;
    try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > limit) {
          throw tooLarge("the request body is larger than that");
        }
        out.write(buf, 0, r);
      }
    }
    if (n == 0) {
      throw new BadRequestResponse("the request body is empty: send JSON Lines (one article per line) or a file upload");
    }
    return new UploadInput("request body", Provenance.Kind.STDIN, n, "application/x-ndjson", () -> Files.newInputStream(
        file));
  }

  /** @return a 413 when Jetty refused the form for its size, else a 400 naming what went wrong */
  HttpResponseException unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() == 413
          || m.contains("exceeded") || m.contains("too large")) {
        return tooLarge("the upload is larger than that");
      }
      if (t instanceof HttpResponseException p) {
        return p;
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new BadRequestResponse("cannot read the uploaded form: " + root.getMessage());
  }

  private static void deleteParts(Context ctx) {
    if (!isMultipart(ctx)) {
      return;
    }
    try {
      for (Part p : ctx.req().getParts()) {
        p.delete();
      }
    } catch (Exception e) {
      // the form was never read, or could not be: nothing of it was kept
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // removed with the directory when the server stops
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(Uploads::deleteQuietly);
    } catch (IOException e) {
      // nothing left to clean
    }
  }

  /** Opens an upload's bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  /** An uploaded file or request body, read as a stream from where it was spooled. */
  record UploadInput(String name, Provenance.Kind kind, long bytes, @Nullable String contentType, Opener opener)
      implements Input {
    @Override
    public InputStream open() throws IOException {
      return opener.open();
    }

    @Override
    public OptionalLong size() {
      return OptionalLong.of(bytes);
    }
  }
}
