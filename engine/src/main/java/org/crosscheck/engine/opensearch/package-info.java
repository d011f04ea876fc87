/**
 * The {@link org.crosscheck.store.Store} on OpenSearch: {@link org.crosscheck.engine.opensearch.OpenSearchStore}
 * talks to a node or cluster over HTTP, and {@link org.crosscheck.engine.opensearch.EmbeddedOpenSearch} runs a
 * single node inside the JVM for tests and for machines without a cluster.
 */
@NullMarked
package org.crosscheck.engine.opensearch;

import org.jspecify.annotations.NullMarked;
