package org.crosscheck.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes opening quotation marks recognisable without moving any character: some outlets open a
 * quote with two apostrophes ({@code ''Quote,'' he said}) or with a closing curly mark ({@code
 * ”Quote.”}), which CoreNLP's quote finder reads as closing marks only. An opening {@code ''}
 * becomes {@code ``} and an opening {@code ”} becomes {@code “}; the text keeps its length, so
 * every offset still points into the stored text. Stateless.
 */
final class QuoteMarks {
  /** Two apostrophes at the start of a line or after white space or an opening bracket, before a word. */
  private static final Pattern OPENING_APOSTROPHES = Pattern.compile("(?<=^|[\\s(\\[{—–-])''(?=[\\p{L}\\p{N}$.…])",
      Pattern.MULTILINE);
  private static final Pattern OPENING_CLOSER = Pattern.compile("(?<=^|[\\s(\\[{—–-])”(?=[\\p{L}\\p{N}$.…])",
      Pattern.MULTILINE);

  private QuoteMarks() {}

  /** @return the text with its opening marks made recognisable, of the same length */
  static String openingMarksFixed(String text) {
    if (text.indexOf("''") < 0 && text.indexOf('”') < 0) {
      return text;
    }
    String t = OPENING_APOSTROPHES.matcher(text).replaceAll("``");
    Matcher m = OPENING_CLOSER.matcher(t);
    return m.replaceAll("“");
  }
}
