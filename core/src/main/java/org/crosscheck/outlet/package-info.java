/** One name per outlet: the registry of outlets and their aliases, and how an article's outlet is resolved. */
@NullMarked
package org.crosscheck.outlet;

import org.jspecify.annotations.NullMarked;
