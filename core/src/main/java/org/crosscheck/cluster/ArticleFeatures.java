package org.crosscheck.cluster;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the clusterer compares of an article.
 *
 * @param counts per field, each term with its count in the article
 * @param leadYears years (1950-2039) named in the title and the first three sentences
 * @param day the publication date as an epoch day, or {@code null} when unknown
 * @param months the months the title and text name ({@link FeatureExtractor#months}), as ascending epoch months
 */
record ArticleFeatures(EnumMap<Field, Map<String, Integer>> counts, Set<String> leadYears, @Nullable Long day,
    int[] months) {

  Map<String, Integer> of(Field f) {
    return counts.get(f);
  }
}
