package org.crosscheck.cli;

import org.crosscheck.pipeline.ArticleSink;
import org.crosscheck.pipeline.Pipeline;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --send-to URI} option of the commands that ingest: articles go to the distributed engine. */
final class SendOptions {
  @Option(names = "--send-to", paramLabel = "URI", description = {
      "Send the articles read to the distributed engine's topic (kafka://HOST:9092/TOPIC) instead of storing",
      "them; the engine's job stores them and puts them in stories."})
  @Nullable String sendTo;

  /**
   * @param pipeline the builder of the command's ingest
   * @return the sink opened and set on the builder (the caller closes it), or null when not sending
   * @throws org.crosscheck.store.StoreException when the destination cannot be reached
   */
  @Nullable ArticleSink apply(Pipeline.Builder pipeline) {
    if (sendTo == null) {
      return null;
    }
    ArticleSink sink = ArticleSink.open(sendTo);
    pipeline.sendTo(sink);
    return sink;
  }
}
