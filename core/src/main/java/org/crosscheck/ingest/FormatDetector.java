package org.crosscheck.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decides how to read an input from its first bytes, its file extension and its declared media
 * type, and refuses what is not text at all (empty files, images, archives, executables). A
 * declared JSON Lines media type ({@code application/x-ndjson}, {@code application/jsonl}, ...)
 * is read as JSON Lines whatever the bytes look like, so its broken lines are rejected one by one.
 * Stateless and thread-safe.
 */
public final class FormatDetector {
  private static final int HEAD_BYTES = 8192;
  /** Media types that declare JSON Lines; a declared one wins over the extension and the bytes. */
  private static final Set<String> JSON_LINES_TYPES = Set.of(
      "application/x-ndjson", "application/ndjson", "application/jsonl", "application/json-lines",
      "application/x-jsonlines", "application/jsonlines");

  private FormatDetector() {}

  /**
   * @param input the input
   * @return the format to read it as
   * @throws IngestException when the input is empty or binary
   * @throws IOException when it cannot be read
   */
  public static Format detect(Input input) throws IOException {
    byte[] head;
    try (InputStream in = input.open()) {
      head = in.readNBytes(HEAD_BYTES);
    }
    return detect(input.name(), input.contentType(), head);
  }

  static Format detect(String name, @Nullable String contentType, byte[] head) {
    if (head.length == 0) {
      throw new IngestException("empty file (0 bytes), nothing to import");
    }
    if (isWarc(name, head)) {
      return Format.WARC; // before the binary check: a WARC is gzip-compressed or holds binary payloads
    }
    String binary = binaryKind(head);
    if (binary != null) {
      throw new IngestException("binary file (" + binary + "), not an article; Crosscheck reads text, HTML, RSS/Atom, JSONL and WARC");
    }
    String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (text.startsWith("\u00EF\u00BB\u00BF")) {
      text = text.substring(3).stripLeading();
    }
    if (text.isEmpty()) {
      throw new IngestException("empty file (only whitespace), nothing to import");
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (JSON_LINES_TYPES.contains(mediaType(type))) {
      return Format.JSONL;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String ext = extension(name);
    boolean looksFeed = lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf");
    boolean looksHtml = lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")
        || lower.contains("<head") || lower.contains("<body");
    switch (ext) {
      case "jsonl", "ndjson", "json":
        return Format.JSONL;
      case "html", "htm", "xhtml", "shtml":
        return Format.HTML;
      case "rss", "atom":
        return Format.FEED;
      case "txt", "text", "md":
        return Format.TEXT;
      default:
        break;
    }
    if (type.contains("html") && !looksFeed) {
      return Format.HTML;
    }
    if (type.contains("rss") || type.contains("atom") || type.contains("xml") || ext.equals("xml")) {
      return looksHtml && !looksFeed ? Format.HTML : Format.FEED;
    }
    if (lower.startsWith("<?xml") || lower.startsWith("<rss") || lower.startsWith("<feed") || lower.startsWith("<rdf")) {
      return looksHtml && !looksFeed ? Format.HTML : Format.FEED;
    }
    if (looksHtml && lower.startsWith("<")) {
      return Format.HTML;
    }
    if (lower.startsWith("{")) {
      return Format.JSONL;
    }
    return Format.TEXT;
  }

  /**
   * @return whether the input is a web archive: named {@code .warc} or {@code .warc.gz}, or
   *     starting with {@code WARC/1.0} or {@code WARC/1.1}, plain or inside a gzip member
   */
  static boolean isWarc(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
      return true;
    }
    if (startsWithWarcVersion(head)) {
      return true;
    }
    if (!startsWith(head, 0x1F, 0x8B)) {
      return false;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
      return startsWithWarcVersion(in.readNBytes(WARC_1_0.length));
    } catch (IOException e) {
      return false; // not gzip after all, or the first member is longer than the head: not recognised
    }
  }

  private static final int[] WARC_1_0 = {'W', 'A', 'R', 'C', '/', '1', '.', '0'};
  private static final int[] WARC_1_1 = {'W', 'A', 'R', 'C', '/', '1', '.', '1'};

  private static boolean startsWithWarcVersion(byte[] h) {
    return startsWith(h, WARC_1_0) || startsWith(h, WARC_1_1);
  }

  /** @return the type/subtype of a lowercased content type, without parameters ({@code ; charset=...}) */
  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  private static String extension(String name) {
    String n = name;
    int q = n.indexOf('?');
    if (q >= 0 && (n.startsWith("http://") || n.startsWith("https://"))) {
      n = n.substring(0, q);
    }
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    int dot = n.lastIndexOf('.');
    return dot > slash ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /** @return a description of a binary format recognised by its magic bytes, or {@code null} for text */
  static @Nullable String binaryKind(byte[] h) {
    if (startsWith(h, 0x89, 'P', 'N', 'G')) {
      return "PNG image";
    }
    if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
      return "JPEG image";
    }
    if (startsWith(h, 'G', 'I', 'F', '8')) {
      return "GIF image";
    }
    if (startsWith(h, 'R', 'I', 'F', 'F')) {
      return "RIFF media file";
    }
    if (startsWith(h, '%', 'P', 'D', 'F')) {
      return "PDF document";
    }
    if (startsWith(h, 'P', 'K', 3, 4) || startsWith(h, 'P', 'K', 5, 6)) {
      return "ZIP archive";
    }
    if (startsWith(h, 0x1F, 0x8B)) {
      return "gzip archive";
    }
    if (startsWith(h, '7', 'z', 0xBC, 0xAF)) {
      return "7-Zip archive";
    }
    if (startsWith(h, 0x7F, 'E', 'L', 'F')) {
      return "ELF executable";
    }
    if (startsWith(h, 0xCA, 0xFE, 0xBA, 0xBE)) {
      return "Java class file";
    }
    if (startsWith(h, 'S', 'Q', 'L', 'i', 't', 'e')) {
      return "SQLite database";
    }
    if (startsWith(h, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "Microsoft Office document";
    }
    boolean utf16Bom = startsWith(h, 0xFE, 0xFF) || startsWith(h, 0xFF, 0xFE);
    if (!utf16Bom) {
      int control = 0;
      for (byte b : h) {
        int c = b & 0xFF;
        if (c == 0) {
          return "unknown binary data: contains NUL bytes";
        }
        if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
          control++;
        }
      }
      if (control > h.length / 20 + 1) {
        return "unknown binary data: " + control + " control bytes in the first " + h.length;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] h, int... magic) {
    if (h.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((h[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
