/** Following sources (feeds, news sitemaps): polling them politely on a schedule and ingesting what is new. */
@NullMarked
package org.crosscheck.follow;

import org.jspecify.annotations.NullMarked;
