/** Immutable records that flow between Crosscheck's stages. */
@NullMarked
package org.crosscheck.model;

import org.jspecify.annotations.NullMarked;
