package org.crosscheck.cluster;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the clusterer compares of an article.
 *
 * @param terms content words of the whole text with their counts (lowercased, stop words and numbers dropped)
 * @param leadTerms content words of the title and the first two sentences, with counts
 * @param names proper-noun phrases (capitalised words not opening a sentence), lowercased
 * @param numbers numbers written with digits (years, counts), normalised (thousands separators dropped)
 * @param date the publication date, or {@code null} when unknown
 */
record ArticleFeatures(
    Map<String, Integer> terms,
    Map<String, Integer> leadTerms,
    Set<String> names,
    Set<String> numbers,
    @Nullable LocalDate date) {}
