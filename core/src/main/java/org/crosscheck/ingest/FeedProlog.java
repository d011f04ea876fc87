package org.crosscheck.ingest;

import org.jspecify.annotations.Nullable;

/**
 * What comes before the root element: XML declaration, comments, processing instructions and a
 * DOCTYPE; and the root element's start tag.
 *
 * @param rootName the root element's name as written, or {@code null} when there is none
 * @param rootTag the root element's start tag, or empty
 * @param doctypeStart where an external-only DOCTYPE starts, or -1
 * @param doctypeEnd where it ends (exclusive)
 */
record FeedProlog(@Nullable String rootName, String rootTag, int doctypeStart, int doctypeEnd) {

  static FeedProlog scan(String xml) {
    int i = 0;
    int doctypeStart = -1;
    int doctypeEnd = -1;
    int n = xml.length();
    while (i < n) {
      char c = xml.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (xml.startsWith("<?", i)) {
        i = after(xml, "?>", i);
      } else if (xml.startsWith("<!--", i)) {
        i = after(xml, "-->", i);
      } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int close = xml.indexOf('>', i);
        int subset = xml.indexOf('[', i);
        if (subset >= 0 && (close < 0 || subset < close)) {
          i = after(xml, ">", after(xml, "]", subset)); // internal subset: left for the parser to refuse
        } else if (close < 0) {
          break;
        } else {
          doctypeStart = i;
          doctypeEnd = close + 1;
          i = doctypeEnd;
        }
      } else if (c == '<') {
        int end = i + 1;
        while (end < n && !Character.isWhitespace(xml.charAt(end)) && "/>".indexOf(xml.charAt(end)) < 0) {
          end++;
        }
        int tagEnd = xml.indexOf('>', i);
        String tag = xml.substring(i, tagEnd < 0 ? n : tagEnd + 1);
        return end > i + 1 ? new FeedProlog(xml.substring(i + 1, end), tag, doctypeStart, doctypeEnd)
            : new FeedProlog(null, "", -1, -1);
      } else {
        break;
      }
    }
    return new FeedProlog(null, "", -1, -1);
  }

  private static int after(String xml, String token, int from) {
    int at = xml.indexOf(token, from);
    return at < 0 ? xml.length() : at + token.length();
  }

  /** Blanks out an external-only DOCTYPE, keeping line breaks so error positions stay right. */
  String withoutExternalDoctype(String xml) {
    if (doctypeStart < 0) {
      return xml;
    }
    StringBuilder sb = new StringBuilder(xml);
    for (int i = doctypeStart; i < doctypeEnd; i++) {
      if (sb.charAt(i) != '\n' && sb.charAt(i) != '\r') {
        sb.setCharAt(i, ' ');
      }
    }
    return sb.toString();
  }
}

