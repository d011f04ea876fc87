/** Helpers that are not part of Crosscheck's API. */
@NullMarked
package org.crosscheck.internal;

import org.jspecify.annotations.NullMarked;
