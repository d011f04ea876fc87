package org.crosscheck.ingest;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the outlet in a plain-text article where the text names itself: a dateline
 * ({@code (MENAFN) ...}, {@code SEOUL (Yonhap) --}), a reporter's sign-off
 * ({@code Bae Eun-ji, Arirang News.}), a self-reference ({@code The Gaze reports on this ...}) or
 * a copyright line. Returns nothing rather than guess.
 */
final class OutletSigns {
  private static final Pattern DATELINE = Pattern.compile(
      "^(?:[\\p{Lu}][\\p{Lu}.' -]{0,40}?(?:,\\s*[\\p{Lu}][\\p{L}.]*\\s+\\d{1,2})?\\s*)?\\((?<o>[\\p{Lu}][\\p{L}0-9&.' -]{1,40}?)\\)\\s*(?:[-\u2013\u2014:]+\\s*)?\\S");
  private static final Set<String> NOT_OUTLETS = Set.of(
      "LEAD", "UPDATE", "UPDATED", "AUDIO", "VIDEO", "PHOTOS", "PHOTO", "EXCLUSIVE", "ANALYSIS", "WATCH", "LIVE",
      "OPINION", "EDITORIAL", "CORRECTED", "URGENT", "BREAKING", "REFILE", "AP PHOTO");
  private static final Pattern SIGN_OFF = Pattern.compile(
      "^(?<name>[\\p{Lu}][\\p{L}.'-]+(?: [\\p{L}.'-]+){0,3}),\\s+(?<o>[\\p{Lu}][\\p{L}0-9&.' -]{1,50}?)\\.?$");
  private static final Pattern NEWSY = Pattern.compile(
      "\\b(News|TV|Radio|Times|Post|Herald|Daily|Journal|Agency|Press|Network|Media|Tribune|Telegraph|Gazette"
          + "|Channel|Broadcasting|Broadcast|Report|Reporter|Today|Observer|Guardian|Express|Wire|Insider|Review"
          + "|Chronicle|Courier|Monitor|Standard|Weekly|Magazine|World|Online|Digest)\\b");
  private static final Pattern SELF_REPORT = Pattern.compile(
      "(?:^|[.!?]\\s+)(?<o>(?:The )?[\\p{Lu}][\\p{L}0-9&'-]+(?: [\\p{Lu}][\\p{L}0-9&'-]+){0,3})"
          + " (?:reports on this|reports this|reported this|reports with reference to|has learned|has learnt)\\b");
  private static final Pattern COPYRIGHT = Pattern.compile(
      "^(?:\u00A9|\\(c\\)|Copyright)\\s*(?:\u00A9\\s*)?(?:\\d{4}(?:\\s*[-\u2013]\\s*\\d{4})?\\s*)?"
          + "(?<o>[\\p{Lu}][\\p{L}0-9&.' -]{1,50}?)(?:[.,]|\\s+All rights reserved.*)?$",
      Pattern.CASE_INSENSITIVE);

  private OutletSigns() {}

  /**
   * @param paragraphs the article's body lines, in order, without header lines
   * @return the outlet the text names as its own, or {@code null}
   */
  static @Nullable String find(List<String> paragraphs) {
    for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
      Matcher m = DATELINE.matcher(paragraphs.get(i));
      if (m.find()) {
        String o = m.group("o").strip();
        if (!NOT_OUTLETS.contains(o.toUpperCase(java.util.Locale.ROOT))) {
          return o;
        }
      }
    }
    for (int i = paragraphs.size() - 1; i >= Math.max(0, paragraphs.size() - 5); i--) {
      String line = paragraphs.get(i).strip();
      if (line.length() <= 80) {
        Matcher m = SIGN_OFF.matcher(line);
        if (m.matches()) {
          String o = m.group("o").strip();
          if (NEWSY.matcher(o).find() || o.matches("[\\p{Lu}&]{2,10}")) {
            return o;
          }
        }
        m = COPYRIGHT.matcher(line);
        if (m.matches()) {
          return m.group("o").replaceAll("[.,\\s]+$", "");
        }
      }
    }
    for (int i = 0; i < Math.min(6, paragraphs.size()); i++) {
      Matcher m = SELF_REPORT.matcher(paragraphs.get(i));
      if (m.find()) {
        return m.group("o").strip();
      }
    }
    return null;
  }
}
