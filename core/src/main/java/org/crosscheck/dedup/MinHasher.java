package org.crosscheck.dedup;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Computes MinHash signatures of texts over word shingles, and the LSH band keys that find
 * similar signatures. With {@code r} rows per band and {@code b} bands, two texts of Jaccard
 * similarity {@code s} share a band with probability {@code 1 - (1 - s^r)^b}. Immutable and
 * thread-safe.
 */
public final class MinHasher {
  private final int shingleWords;
  private final int bands;
  private final int rows;
  private final long[] seeds;
  private final long[] multipliers;

  /**
   * @param shingleWords words per shingle, at least 1
   * @param bands number of LSH bands, at least 1
   * @param rows signature values per band, at least 1; the signature has {@code bands * rows} values
   */
  public MinHasher(int shingleWords, int bands, int rows) {
    if (shingleWords < 1 || bands < 1 || rows < 1) {
      throw new IllegalArgumentException("shingle words, bands and rows must be at least 1, were "
          + shingleWords + ", " + bands + ", " + rows);
    }
    this.shingleWords = shingleWords;
    this.bands = bands;
    this.rows = rows;
    this.seeds = new long[bands * rows];
    this.multipliers = new long[bands * rows];
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < seeds.length; i++) {
      s = mix(s + i);
      seeds[i] = s;
      multipliers[i] = mix(s ^ 0x5DEECE66DL) | 1L;
    }
  }

  /**
   * Hashes the words of a text in one pass, without building them: words are runs of letters and
   * digits after NFKC normalization, lowercased; punctuation is dropped.
   *
   * @return one 64-bit hash per word, in order
   */
  public static long[] wordHashes(String text) {
    String norm = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
    long[] out = new long[Math.max(16, norm.length() / 5)];
    int n = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i <= norm.length(); i++) {
      char c = i < norm.length() ? norm.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          h = 0xCBF29CE484222325L;
          inWord = true;
        }
        h = (h ^ Character.toLowerCase(c)) * 0x100000001B3L;
      } else if (inWord) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = mix(h);
        inWord = false;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** @return the hashes of the text's word shingles (the words themselves when it has fewer) */
  public long[] shingles(String text) {
    return shinglesOf(wordHashes(text));
  }

  private long[] shinglesOf(long[] wordHashes) {
    int k = Math.min(shingleWords, Math.max(1, wordHashes.length));
    int count = Math.max(0, wordHashes.length - k + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x632BE59BD9B4E019L;
      for (int j = 0; j < k; j++) {
        h = mix(h ^ wordHashes[i + j]);
      }
      out[i] = h;
    }
    return Arrays.stream(out).distinct().toArray();
  }

  /**
   * A text's signature and text hash, computed in one pass over its words.
   *
   * @param signature the MinHash signature
   * @param textHash the hash of its normalized words
   */
  public record Sketched(int[] signature, long textHash) {}

  /** @return the text's signature and text hash */
  public Sketched sketch(String text) {
    long[] words = wordHashes(text);
    return new Sketched(signatureOf(shinglesOf(words)), textHashOf(words));
  }

  /** @return the MinHash signature of the text: {@code bands * rows} values */
  public int[] signature(String text) {
    return signatureOf(shingles(text));
  }

  /**
   * @return the MinHash signature of a shingle set; value {@code i} is the least {@code (a_i * x + b_i) >>> 33}
   *     over the (already well-mixed) shingle hashes {@code x}, a multiply-add permutation per value
   */
  int[] signatureOf(long[] shingles) {
    int[] sig = new int[seeds.length];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long sh : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        int v = (int) ((multipliers[i] * sh + seeds[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /** @return one key per band, equal for two signatures that agree on all of that band's rows */
  public long[] bandKeys(int[] signature) {
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = mix(b + 1L);
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** @return the estimated Jaccard similarity of the two texts: the share of agreeing signature values */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of different lengths: " + a.length + " and " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return (double) same / a.length;
  }

  /** @return a 64-bit hash of the words, equal for texts that differ only in case, spacing and punctuation */
  private static long textHashOf(long[] wordHashes) {
    long h = 0x243F6A8885A308D3L;
    for (long w : wordHashes) {
      h = mix(h ^ w);
    }
    return h;
  }

  /** SplitMix64's finalizer: a fast, well-mixed 64-bit bijection. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
