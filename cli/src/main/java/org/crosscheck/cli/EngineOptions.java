package org.crosscheck.cli;

import org.crosscheck.engine.StreamEvaluation;
import org.crosscheck.eval.EvaluationEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --engine embedded|stream} option of the evaluations. */
final class EngineOptions {
  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "embedded", description = {
      "embedded (the default: the ingest pipeline) or stream (the distributed engine: Kafka, a local Flink job",
      "and a store on OpenSearch, all in this JVM)."})
  String engine;

  /**
   * @param spec the command, for the message
   * @return the engine chosen
   * @throws ParameterException naming the value when it is neither
   */
  EvaluationEngine engine(CommandSpec spec) {
    return switch (engine) {
      case "embedded" -> EvaluationEngine.EMBEDDED;
      case "stream" -> new StreamEvaluation();
      default -> throw new ParameterException(spec.commandLine(), "--engine must be embedded or stream, was '" + engine
          + "'");
    };
  }
}
