/** The web app and JSON API: story list, story and article pages, search, ingest. */
@NullMarked
package org.crosscheck.web;

import org.jspecify.annotations.NullMarked;
