/** Importers that turn files, feeds, pages and JSONL into Articles. */
@NullMarked
package org.crosscheck.ingest;

import org.jspecify.annotations.NullMarked;
