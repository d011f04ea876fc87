package org.crosscheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code crosscheck.jar} in a child JVM, as a user's shell would. */
final class CliProcess {
  private CliProcess() {}

  record Result(int code, String out, String err) {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("crosscheck.jar", "target/crosscheck.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; integration tests run after 'mvn package'");
    }
    return jar;
  }

  /** @return a builder for {@code java [jvmOptions] -jar crosscheck.jar args...} */
  static ProcessBuilder builder(List<String> jvmOptions, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /** Runs to completion (at most 5 minutes) and returns exit code and output. */
  static Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cc-out", ".txt");
    Path err = Files.createTempFile("cc-err", ".txt");
    try {
      Process p = builder(jvmOptions, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("crosscheck " + String.join(" ", args) + " did not finish in 5 minutes");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
