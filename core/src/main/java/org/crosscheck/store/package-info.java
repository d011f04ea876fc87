/** Durable storage of everything Crosscheck keeps, behind the one {@link org.crosscheck.store.Store} API. */
@NullMarked
package org.crosscheck.store;

import org.jspecify.annotations.NullMarked;
