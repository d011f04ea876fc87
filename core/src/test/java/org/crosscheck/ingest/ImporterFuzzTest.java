package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcCompression;

/**
 * Feeds every importer real fixtures broken in many ways (bytes flipped, cut short, nested
 * thousands deep, elements with thousands of attributes, random Unicode and control characters
 * spliced in) and wholly random input, and checks that each outcome is an article with text and an
 * id, or a rejection naming the input with a reason, and never any other exception.
 *
 * <p>Each try draws from a {@link Random} seeded with the try's number, so a failure names the
 * seed that reproduces it. Written with JUnit alone, as plain seeded loops: a coverage-guided fuzzer
 * such as Jazzer fuzzes only one test per run in CI, and these five must all run every time.
 */
class ImporterFuzzTest {
  private static final int TRIES = 300;
  private static final String NAME = "fuzzed-input";

  private static final List<byte[]> TEXTS = files(SharedData.path("seeds"), ".txt");
  private static final List<byte[]> JSONL = jsonlSamples();
  private static final List<byte[]> HTML = files(resource("articles"), ".html");
  private static final List<byte[]> FEEDS = files(resource("feeds"), ".xml");
  private static final List<byte[]> WARCS = warcSamples();

  @Test
  void textImporterYieldsArticlesOrRejections() {
    fuzz(TextArticleImporter::new, TEXTS, "<p>", "</p>");
  }

  @Test
  void jsonlImporterYieldsArticlesOrRejections() {
    fuzz(JsonlArticleImporter::new, JSONL, "[", "]");
  }

  @Test
  void htmlImporterYieldsArticlesOrRejections() {
    fuzz(HtmlArticleImporter::new, HTML, "<div>", "</div>");
  }

  @Test
  void feedImporterYieldsArticlesOrRejections() {
    fuzz(() -> new FeedArticleImporter(false, null, null), FEEDS, "<x>", "</x>");
  }

  @Test
  void warcImporterYieldsArticlesOrRejections() {
    fuzz(() -> new WarcArticleImporter(new HtmlArticleImporter(), WarcFilter.NONE), WARCS, "<p>", "</p>");
  }

  private static void fuzz(Supplier<ArticleImporter> importer, List<byte[]> samples, String open, String close) {
    for (int seed = 0; seed < TRIES; seed++) {
      byte[] input = input(new Random(seed), samples, open, close);
      try {
        assertOnlyArticlesOrRejections(importer.get(), input);
      } catch (AssertionError | RuntimeException | StackOverflowError e) {
        throw new AssertionError("try with seed " + seed + " (" + input.length + " bytes) failed: " + e, e);
      }
    }
  }

  /**
   * The outcome the ingest run turns into stored articles and rejections: items yielded, or an
   * {@link IngestException} for the whole input (the run names the input in front of its message).
   */
  private static void assertOnlyArticlesOrRejections(ArticleImporter importer, byte[] bytes) {
    List<Imported> items = new ArrayList<>();
    try {
      importer.read(new BytesInput(NAME, Provenance.Kind.FILE, bytes, null), items::add);
    } catch (IngestException e) {
      assertThat(e.getMessage()).as("message of a refused input").isNotBlank();
    } catch (IOException e) {
      throw new AssertionError("reading bytes in memory threw " + e, e);
    }
    for (Imported item : items) {
      switch (item) {
        case Imported.Parsed p -> {
          Article a = p.article();
          assertThat(a.id()).isNotNull();
          assertThat(a.id().value()).isNotBlank();
          assertThat(a.text()).isNotBlank();
          assertThat(a.provenance().location()).isEqualTo(NAME);
        }
        case Imported.Rejected r -> {
          assertThat(r.rejection().input()).isEqualTo(NAME);
          assertThat(r.rejection().reason()).isNotBlank();
          assertThat(r.rejection().message()).startsWith(NAME);
        }
        case Imported.Skipped s -> assertThat(s.reason()).isNotBlank();
      }
    }
  }

  /** @return the crawl of {@link WarcArticleImporterTest}, uncompressed and with a gzip member per record */
  private static List<byte[]> warcSamples() {
    try {
      Path dir = Files.createTempDirectory("fuzz-warc");
      List<byte[]> out = new ArrayList<>();
      for (WarcCompression compression : WarcCompression.values()) {
        Path file = dir.resolve("crawl-" + compression + ".warc");
        WarcArticleImporterTest.writeCrawl(file, compression, WarcFixture.basil(3));
        out.add(Files.readAllBytes(file));
        Files.delete(file);
      }
      Files.delete(dir);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A real sample with one to three mutations (8 in 10), or random text, or random bytes. */
  private static byte[] input(Random r, List<byte[]> samples, String open, String close) {
    int pick = r.nextInt(10);
    if (pick == 8) {
      return randomString(r, r.nextInt(401)).getBytes(StandardCharsets.UTF_8);
    }
    if (pick == 9) {
      byte[] out = new byte[r.nextInt(401)];
      r.nextBytes(out);
      return out;
    }
    byte[] out = samples.get(r.nextInt(samples.size()));
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      out = mutation(r, open, close).apply(out);
    }
    return out;
  }

  private static Mutation mutation(Random r, String open, String close) {
    Mutation.Kind kind = Mutation.Kind.values()[r.nextInt(Mutation.Kind.values().length)];
    int size = r.nextInt(10);
    int amount = size < 5 ? 1 + r.nextInt(50) : size < 8 ? new int[] {100, 257, 513, 1_001}[r.nextInt(4)]
        : new int[] {10_000, 20_000}[r.nextInt(2)];
    String text = r.nextBoolean() ? randomString(r, 1 + r.nextInt(40)) : controls(r, 1 + r.nextInt(20));
    return new Mutation(kind, r.nextDouble(), amount, text, open, close);
  }

  /** @return {@code length} code points from all of Unicode, surrogates and unassigned ones included */
  private static String randomString(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp = r.nextInt(4) == 0 ? r.nextInt(Character.MAX_CODE_POINT + 1) : r.nextInt(0x3000);
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static String controls(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append((char) r.nextInt(0x20));
    }
    return b.toString();
  }

  /**
   * One way of breaking an input.
   *
   * @param where where in the input, as a share of its length
   * @param amount how many bytes, levels or attributes
   * @param text what to splice in
   */
  record Mutation(Kind kind, double where, int amount, String text, String open, String close) {
    enum Kind { FLIP, TRUNCATE, DELETE, NEST, ATTRIBUTES, INSERT, DUPLICATE }

    byte[] apply(byte[] in) {
      int at = (int) (where * in.length);
      return switch (kind) {
        case FLIP -> {
          byte[] out = in.clone();
          for (int i = 0; i < Math.min(amount, 64) && out.length > 0; i++) {
            int p = (at + i * 7919) % out.length;
            out[p] = (byte) (out[p] ^ (1 << (i % 8)));
          }
          yield out;
        }
        case TRUNCATE -> Arrays.copyOf(in, at);
        case DELETE -> concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, Math.min(in.length, at + amount), in.length));
        case NEST -> splice(in, at, open.repeat(amount) + text + close.repeat(amount));
        case ATTRIBUTES -> {
          int tag = indexOfTagNameEnd(in, at);
          StringBuilder attributes = new StringBuilder();
          for (int i = 0; i < amount; i++) {
            attributes.append(" a").append(i).append("=\"").append(i % 10).append('"');
          }
          yield splice(in, tag < 0 ? at : tag, attributes.toString());
        }
        case INSERT -> splice(in, at, text);
        case DUPLICATE -> {
          byte[] part = Arrays.copyOfRange(in, at, Math.min(in.length, at + 200));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(Arrays.copyOf(in, at));
          for (int i = 0; i < Math.min(amount, 1_000); i++) {
            out.writeBytes(part);
          }
          out.writeBytes(Arrays.copyOfRange(in, at, in.length));
          yield out.toByteArray();
        }
      };
    }

    /** @return the position just after the name of the first start tag at or after {@code from}, or -1 */
    private static int indexOfTagNameEnd(byte[] in, int from) {
      for (int i = from; i + 1 < in.length; i++) {
        if (in[i] == '<' && Character.isLetter(in[i + 1])) {
          int j = i + 1;
          while (j < in.length && (Character.isLetterOrDigit(in[j]) || in[j] == ':')) {
            j++;
          }
          return j;
        }
      }
      return -1;
    }

    private static byte[] splice(byte[] in, int at, String insert) {
      return concat(concat(Arrays.copyOf(in, at), insert.getBytes(StandardCharsets.UTF_8)),
          Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  private static List<byte[]> files(Path dir, String suffix) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks of a few consecutive lines of the BASIL corpus. */
  private static List<byte[]> jsonlSamples() {
    List<byte[]> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(SharedData.path("basil-2010-2016.jsonl"))) {
      StringBuilder block = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null && out.size() < 10) {
        block.append(line).append('\n');
        if (block.length() > 4_000) {
          out.add(block.toString().getBytes(StandardCharsets.UTF_8));
          block.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static Path resource(String name) {
    try {
      return Path.of(ImporterFuzzTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
