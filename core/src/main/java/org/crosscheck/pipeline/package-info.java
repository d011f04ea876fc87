/** The one place where Crosscheck's stages are wired together. */
@NullMarked
package org.crosscheck.pipeline;

import org.jspecify.annotations.NullMarked;
