/** Online, incremental story clustering: each new article joins a story or starts one. */
@NullMarked
package org.crosscheck.cluster;

import org.jspecify.annotations.NullMarked;
