/** The cross-source report of a story, and its renderings (JSON, Markdown). */
@NullMarked
package org.crosscheck.report;

import org.jspecify.annotations.NullMarked;
