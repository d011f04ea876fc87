/** The Flink job that ingests the article topic into a store, and its operators. */
@NullMarked
package org.crosscheck.engine.flink;

import org.jspecify.annotations.NullMarked;
