/** The article topic: an in-JVM Kafka for local runs and tests, the article JSON codec and the producer. */
@NullMarked
package org.crosscheck.engine.kafka;

import org.jspecify.annotations.NullMarked;
