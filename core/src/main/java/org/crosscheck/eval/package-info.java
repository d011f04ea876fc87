/** Evaluation of Crosscheck's stages against labelled data: scores and the harnesses that compute them. */
@NullMarked
package org.crosscheck.eval;

import org.jspecify.annotations.NullMarked;
