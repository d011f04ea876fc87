package org.crosscheck.cli;

import picocli.CommandLine.Option;

/** The {@code --allow-private-urls} option of every subcommand that fetches URLs ({@code ingest}, {@code serve}). */
final class UrlOptions {
  @Option(names = "--allow-private-urls", description = "Also fetch URLs on this machine and private networks"
      + " (loopback, 10/8, 192.168/16, link-local ...); for intranet use. By default they are refused.")
  boolean allowPrivateUrls;
}
