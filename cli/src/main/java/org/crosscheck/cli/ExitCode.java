package org.crosscheck.cli;

/** The process exit codes of every subcommand. */
final class ExitCode {
  /** Everything worked. */
  static final int OK = 0;
  /** Some inputs were rejected (the others were stored), or an id was not found. */
  static final int REJECTED = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** The store could not be opened or written; nothing was half-written. */
  static final int STORE = 3;

  private ExitCode() {}
}
