/** The command-line adapter: one class per subcommand. */
@NullMarked
package org.crosscheck.cli;

import org.jspecify.annotations.NullMarked;
