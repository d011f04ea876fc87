package org.crosscheck.analysis;

import java.time.LocalDate;
import java.util.List;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * What the analysis of one text found, every item with its character span in the text.
 *
 * @param anchor the date relative time expressions were resolved against, or {@code null}
 * @param tokens how many tokens the text has
 * @param sentences the sentences, in order
 * @param entities named entities (people, organisations, places, other names)
 * @param quantities numbers, with what they count where the text says
 * @param times time expressions with their normalized values
 * @param quotes direct quotes, with their speakers where the text makes them clear
 */
public record Analysis(@Nullable LocalDate anchor, int tokens, List<TextSpan> sentences, List<Entity> entities,
    List<Quantity> quantities, List<TimeMention> times, List<Quote> quotes) {
  public Analysis {
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    quantities = List.copyOf(quantities);
    times = List.copyOf(times);
    quotes = List.copyOf(quotes);
  }

  /**
   * A direct quote.
   *
   * @param text the quoted words, without the quotation marks
   * @param span where it is, quotation marks included
   * @param speaker who said or wrote it, or {@code null} when the text does not make it clear
   */
  public record Quote(String text, TextSpan span, @Nullable Speaker speaker) {}

  /**
   * Who a quote is attributed to.
   *
   * @param text the words that name the speaker next to the quote ("the ministry", "he")
   * @param span where they are
   * @param name the name they stand for: the entity they name, or for a pronoun the person last
   *     named before it; the words themselves when they hold no name ("officials")
   * @param type {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION}, {@code MISC} or {@code OTHER}
   * @param cue the attributing word ("said", "according")
   * @param continued whether the quote has no cue of its own and continues the quote before it
   */
  public record Speaker(String text, TextSpan span, String name, String type, String cue, boolean continued) {}

  /**
   * A named entity as written.
   *
   * @param text the words, as in the text
   * @param type {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or {@code MISC}
   * @param span where it is
   * @param sentence index of its sentence
   */
  public record Entity(String text, String type, TextSpan span, int sentence) {}

  /**
   * A number in the text.
   *
   * @param text the words, as in the text ("more than 15,800")
   * @param value the normalized value, as CoreNLP gives it ({@code >15800.0}, {@code 12000.0})
   * @param counts what it counts: the noun phrase that follows it ("shipping containers",
   *     "troops"), or {@code null} when none does
   * @param type {@code NUMBER}, {@code MONEY}, {@code PERCENT} or {@code ORDINAL}
   * @param span where it is (the number's words; what it counts follows)
   * @param sentence index of its sentence
   */
  public record Quantity(String text, String value, @Nullable String counts, String type, TextSpan span,
      int sentence) {}

  /**
   * A time expression.
   *
   * @param text the words, as in the text ("Saturday", "December last year")
   * @param type the TIMEX3 type: {@code DATE}, {@code TIME}, {@code DURATION} or {@code SET}
   * @param value the TIMEX3 value ({@code 2025-04-26}, {@code 2024-12}, {@code P3D}), or {@code null}
   *     when it could not be normalized
   * @param span where it is
   * @param sentence index of its sentence
   */
  public record TimeMention(String text, String type, @Nullable String value, TextSpan span, int sentence) {}
}
