package org.crosscheck.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.TextSpan;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * A TimeML document (TempEval-3 format): the plain text of its {@code TEXT} element, its document
 * creation time, and the gold {@code TIMEX3} expressions inside the text with their spans in it.
 *
 * @param name the file name
 * @param creationDate the document creation time's date
 * @param text the text, tags removed
 * @param timexes the gold time expressions of the text (the creation time itself is not among them)
 */
public record TimeMlDocument(String name, LocalDate creationDate, String text, List<Timex> timexes) {
  public TimeMlDocument {
    timexes = List.copyOf(timexes);
  }

  /**
   * A gold time expression.
   *
   * @param span where it is in the text
   * @param type {@code DATE}, {@code TIME}, {@code DURATION} or {@code SET}
   * @param value its normalized value
   */
  public record Timex(TextSpan span, String type, String value) {}

  /**
   * @param file a {@code .tml} file
   * @return the document
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a TimeML document with a creation time and a text
   */
  public static TimeMlDocument read(Path file) throws IOException {
    Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
    Element dct = doc.selectFirst("DCT > TIMEX3");
    Element body = doc.selectFirst("TEXT");
    if (dct == null || body == null) {
      throw new IllegalArgumentException(file + ": not a TimeML document (no DCT/TIMEX3 or no TEXT element)");
    }
    LocalDate created;
    try {
      String value = dct.attr("value");
      created = LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ": the document creation time '" + dct.attr("value")
          + "' is not a date", e);
    }
    StringBuilder text = new StringBuilder();
    List<Timex> timexes = new ArrayList<>();
    int[] start = {-1};
    body.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          text.append(t.getWholeText());
        } else if (node instanceof Element e && e.tagName().equals("TIMEX3")) {
          start[0] = text.length();
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.tagName().equals("TIMEX3") && start[0] >= 0) {
          timexes.add(new Timex(new TextSpan(start[0], text.length()), e.attr("type"), e.attr("value")));
          start[0] = -1;
        }
      }
    });
    return new TimeMlDocument(file.getFileName().toString(), created, text.toString(), timexes);
  }
}
