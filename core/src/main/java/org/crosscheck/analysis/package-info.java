/** Per-article language analysis: sentences, named entities, quantities and resolved time expressions. */
@NullMarked
package org.crosscheck.analysis;

import org.jspecify.annotations.NullMarked;
