package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight large uploads at once against a server with a small heap: each is stored or told to retry
 * later, none runs the server out of memory, and the server keeps answering.
 */
class UploadMemoryIT {
  @TempDir Path tmp;

  @Test
  void parallelLargeUploadsAreStoredOrToldToRetryWithoutRunningOutOfMemory() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    BigCorpus.write(big, 30L * 1024 * 1024);
    Path err = tmp.resolve("serve.err");
    Process server = CliProcess.builder(List.of("-Xmx160m"), "serve", "--port", "0", "--data",
        tmp.resolve("data").toString()).redirectError(err.toFile()).start();
    try {
      String base = baseUrl(server);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        uploads.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofFile(big)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      int stored = 0;
      for (CompletableFuture<HttpResponse<String>> f : uploads) {
        HttpResponse<String> r;
        try {
          r = f.get(6, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
          // the server may close the connection of a refused upload before reading its body
          assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
          continue;
        }
        assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
        if (r.statusCode() == 503) {
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } else {
          stored++;
        }
      }
      assertThat(stored).as("uploads that were received").isGreaterThanOrEqualTo(1);
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(server.isAlive()).isTrue();
      assertThat(Files.readString(err)).doesNotContain("OutOfMemoryError");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** @return the base URL the server prints when it has started */
  static String baseUrl(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern at = Pattern.compile(" at (http://[^/ ]+)/");
    CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          Matcher m = at.matcher(line);
          if (m.find()) {
            return m.group(1);
          }
        }
        throw new IllegalStateException("the server stopped before printing its address");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return url.get(2, TimeUnit.MINUTES);
  }
}
