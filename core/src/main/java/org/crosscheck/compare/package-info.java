/** Comparing what the articles of one story say: entities across outlets, and later claims. */
@NullMarked
package org.crosscheck.compare;

import org.jspecify.annotations.NullMarked;
