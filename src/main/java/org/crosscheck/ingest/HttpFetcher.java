package org.crosscheck.ingest;

/** Placeholder: fetches http(s) URLs with a timeout and a size limit. */
public final class HttpFetcher {
}
