package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogFileTest {
  @TempDir Path tmp;

  @AfterEach
  void detach() {
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    var appender = root.getAppender(LogFile.APPENDER);
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }

  private int run(StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  @Test
  void theLogFileGetsWhatIsLoggedWhetherGivenBeforeOrAfterTheSubcommand() throws Exception {
    for (boolean before : new boolean[] {true, false}) {
      Path file = tmp.resolve((before ? "before" : "after") + "/crosscheck.log");
      String data = tmp.resolve("data").toString();
      String[] args = before ? new String[] {"--log-file", file.toString(), "articles", "--data", data}
          : new String[] {"articles", "--data", data, "--log-file", file.toString()};
      StringWriter err = new StringWriter();
      assertThat(run(err, args)).as(err.toString()).isZero();
      LoggerFactory.getLogger("org.crosscheck.test").warn("the harbour flooded", new IllegalStateException("tide"));
      String log = Files.readString(file);
      assertThat(log).contains("WARN", "org.crosscheck.test - the harbour flooded", "IllegalStateException: tide",
          "at org.crosscheck.cli.LogFileTest");
      detach();
    }
  }

  @Test
  void aLogFileThatCannotBeWrittenIsAUsageError() throws Exception {
    StringWriter err = new StringWriter();
    int code = run(err, "--log-file", tmp.toString(), "articles", "--data", tmp.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write the log file " + tmp);
  }
}
