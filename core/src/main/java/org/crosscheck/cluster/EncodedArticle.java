package org.crosscheck.cluster;

import org.jspecify.annotations.Nullable;

/**
 * An article as the clusterer compares it: its term vectors by field ordinal, the years its lead
 * names and its publication day.
 *
 * @param fields per {@link Field} ordinal, the article's term vector
 * @param leadYears years named in the title and first sentences
 * @param day the publication date as an epoch day, or {@code null} when unknown
 * @param months the months the article names, as ascending epoch months ({@link ArticleFeatures#months})
 */
record EncodedArticle(TermVector[] fields, YearSet leadYears, @Nullable Long day, int[] months) {
  TermVector of(Field f) {
    return fields[f.ordinal()];
  }
}
