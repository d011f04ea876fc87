/** What each outlet prints on every page (footers, sharing prompts, copyright lines), learned online. */
@NullMarked
package org.crosscheck.boilerplate;

import org.jspecify.annotations.NullMarked;
