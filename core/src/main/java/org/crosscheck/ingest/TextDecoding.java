package org.crosscheck.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Turns the bytes of a text input into characters without silently garbling them: UTF-8 (with
 * or without BOM, or UTF-16 with BOM) is decoded strictly; text with no valid UTF-8 multi-byte
 * sequence at all is legacy single-byte text and is read as Windows-1252 with a note; text that
 * mixes valid and invalid UTF-8 is corrupt and refused with the byte offset of the first bad byte.
 */
public final class TextDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  /**
   * @param text the characters
   * @param note a warning to keep with the article (the fallback encoding used), or {@code null}
   */
  public record Decoded(String text, @Nullable String note) {}

  /**
   * @param bytes the input's bytes
   * @return the text, and a note when a fallback encoding was used
   * @throws IngestException when the bytes are binary or corrupt UTF-8
   */
  public static Decoded decode(byte[] bytes) {
    int start = 0;
    Charset bomCharset = null;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      bomCharset = StandardCharsets.UTF_16BE;
      start = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      bomCharset = StandardCharsets.UTF_16LE;
      start = 2;
    }
    if (bomCharset != null) {
      return new Decoded(new String(bytes, start, bytes.length - start, bomCharset), null);
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new IngestException("binary content (a NUL byte at offset " + i + "), not text");
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer chars = utf8.decode(in);
      return new Decoded(chars.toString(), null);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      if (countValidMultiByte(bytes, start) > 0) {
        throw new IngestException(
            "invalid UTF-8 at byte offset " + bad
                + " in text that is otherwise UTF-8 (the file is corrupt or mixes encodings; re-save it as UTF-8)",
            e instanceof MalformedInputException ? e : null);
      }
      String text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
      return new Decoded(text, "not valid UTF-8 (first bad byte at offset " + bad + "); read as Windows-1252 (Latin-1)");
    }
  }

  /** @return the offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1 */
  static int firstInvalidUtf8(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      int n = sequenceLength(b, i);
      if (n < 0) {
        return i;
      }
      i += n;
    }
    return -1;
  }

  private static int countValidMultiByte(byte[] b, int from) {
    int count = 0;
    int i = from;
    while (i < b.length) {
      int n = sequenceLength(b, i);
      if (n < 0) {
        i++;
      } else {
        if (n > 1) {
          count++;
        }
        i += n;
      }
    }
    return count;
  }

  /** @return the length of the valid UTF-8 sequence at {@code i}, or -1 */
  private static int sequenceLength(byte[] b, int i) {
    int c = b[i] & 0xFF;
    int n;
    if (c < 0x80) {
      return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
    } else {
      return -1;
    }
    if (i + n > b.length) {
      return -1;
    }
    for (int k = 1; k < n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return n;
  }
}
