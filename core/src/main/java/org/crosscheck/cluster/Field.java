package org.crosscheck.cluster;

/** The parts of an article the clusterer compares, each with its own term counts and IDF. */
enum Field {
  /** Content words of title and text. */
  BODY,
  /** Content words of the title and the first two sentences. */
  LEAD,
  /** Proper-noun phrases. */
  NAMES,
  /** Numbers written with digits. */
  NUMS
}
