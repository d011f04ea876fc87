/** Durable storage of articles behind the ArticleStore interface. */
@NullMarked
package org.crosscheck.store;

import org.jspecify.annotations.NullMarked;
