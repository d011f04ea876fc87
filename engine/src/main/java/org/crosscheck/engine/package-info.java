/**
 * The distributed engine: articles through a Kafka topic into a Flink job that ingests them as the
 * embedded pipeline does, and the local runs, evaluations and benchmarks built on it.
 */
@NullMarked
package org.crosscheck.engine;

import org.jspecify.annotations.NullMarked;
