/** Exports of stories, facts, conflicts, quotes and articles as CSV or JSON Lines, for spreadsheets and scripts. */
@NullMarked
package org.crosscheck.export;

import org.jspecify.annotations.NullMarked;
