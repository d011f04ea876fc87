/** Exact and near-duplicate detection (syndicated copies) with MinHash sketches and LSH banding. */
@NullMarked
package org.crosscheck.dedup;

import org.jspecify.annotations.NullMarked;
