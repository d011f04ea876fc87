package org.crosscheck.analysis;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Analyses one text: its sentences, entities, quantities and time expressions. */
@FunctionalInterface
public interface Analyzer {
  /**
   * @param text the text, exactly as stored (offsets in the result index into it)
   * @param anchor the date relative expressions are resolved against ("Saturday", "last year"),
   *     usually the publication date; {@code null} leaves them unresolved
   * @return the analysis
   */
  Analysis analyze(String text, @Nullable LocalDate anchor);
}
