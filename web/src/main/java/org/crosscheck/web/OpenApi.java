package org.crosscheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI description of the JSON API, served at {@code /api/openapi.json}. */
final class OpenApi {
  private static final String DOCUMENT = load();

  private OpenApi() {}

  static String document() {
    return DOCUMENT;
  }

  private static String load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
