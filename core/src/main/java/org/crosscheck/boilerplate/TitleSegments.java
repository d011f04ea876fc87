package org.crosscheck.boilerplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a page title that name the outlet rather than the story. Page titles carry the
 * outlet's name and slogan before or after the headline, set off by a dash, bar or guillemet
 * ("Five Shot in Memphis Nightclub - WMC Action News 5 - Memphis, Tennessee", "FOX 46 Charlotte -
 * Man accidentally shoots girl"); left in, every title of one outlet shares those words and names,
 * and unrelated articles of the outlet look alike. A segment names the outlet when its letters and
 * digits contain a label of the outlet's host or name ({@code ksla}
 * in "KSLA News 12 Shreveport", {@code wmcactionnews5} in "WMC Action News 5"), or when it has
 * already ended {@value OutletBoilerplate#MIN_ARTICLES} earlier titles of the outlet ("Fox 2 News
 * Headlines" on {@code myfoxdetroit.com}). Such a segment after the first goes with all that
 * follows it (the outlet's city and slogan); a first segment goes alone. Written by hand: no
 * library knows outlets' title conventions, and the rule needs only the outlet's own name.
 * Stateless and thread-safe.
 */
final class TitleSegments {
  /** A dash, bar, guillemet or double colon with space on both sides. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|\u00ab\u00bb\u2013\u2014]|::)\\s+");
  /** Host labels that name no outlet. */
  private static final Set<String> GENERIC_LABELS = Set.of("www", "com", "org", "net", "edu", "gov", "co", "us",
      "uk", "news", "tv", "blog", "blogs", "wordpress", "blogspot", "m", "mobile", "amp", "the", "online");
  /** Shortest label matched, so that two-letter labels do not match inside words. */
  private static final int MIN_LABEL = 3;
  /** A title segment is hashed under this prefix, so that it never counts as a line of text. */
  private static final String MARK = "\u0001title ";

  private TitleSegments() {}

  /**
   * @param title a page title, or null
   * @param outlet the outlet's host or name
   * @param boilerplate hashes ({@link OutletBoilerplate#hash}) of the outlet's known boilerplate
   * @return the title without the outlet's segments at either end; never empty when the title was not
   */
  static @Nullable String headline(@Nullable String title, String outlet, Set<Long> boilerplate) {
    if (title == null) {
      return null;
    }
    String[] parts = SEPARATOR.split(title.strip());
    if (parts.length < 2) {
      return title;
    }
    List<String> labels = labels(outlet);
    // the outlet's name ends the headline: it goes with whatever follows it (its city, its slogan)
    int to = parts.length;
    for (int k = 1; k < parts.length; k++) {
      if (isOutlet(parts[k], labels, boilerplate)) {
        to = k;
        break;
      }
    }
    int from = to > 1 && isOutlet(parts[0], labels, boilerplate) ? 1 : 0;
    if (from == 0 && to == parts.length) {
      return title;
    }
    return String.join(" - ", java.util.Arrays.asList(parts).subList(from, to));
  }

  /** @return the hashes under which the title's segments are counted, when it has more than one */
  static List<Long> hashes(@Nullable String title) {
    if (title == null) {
      return List.of();
    }
    String[] parts = SEPARATOR.split(title.strip());
    List<Long> out = new ArrayList<>();
    if (parts.length > 1) {
      for (String p : parts) {
        out.add(OutletBoilerplate.hash(MARK + p));
      }
    }
    return out;
  }

  private static boolean isOutlet(String segment, List<String> labels, Set<Long> boilerplate) {
    if (boilerplate.contains(OutletBoilerplate.hash(MARK + segment))) {
      return true;
    }
    String folded = fold(segment);
    for (String label : labels) {
      if (folded.contains(label) || (folded.length() >= MIN_LABEL && label.equals(folded))) {
        return true;
      }
    }
    return false;
  }

  /** @return the outlet's labels: of a host, its labels but the generic ones; of a name, all its letters */
  static List<String> labels(String outlet) {
    String o = outlet.strip().toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    if (!o.contains(" ") && o.contains(".")) {
      for (String label : o.split("\\.")) {
        String f = fold(label);
        if (f.length() >= MIN_LABEL && !GENERIC_LABELS.contains(f)) {
          out.add(f);
        }
      }
    } else {
      String f = fold(o);
      if (f.length() >= MIN_LABEL) {
        out.add(f);
      }
    }
    return out;
  }

  /** @return the letters and digits of the text, lower case */
  private static String fold(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
