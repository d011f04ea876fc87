/** Crosscheck: cross-source news reports. The root holds the exception family. */
@NullMarked
package org.crosscheck;

import org.jspecify.annotations.NullMarked;
