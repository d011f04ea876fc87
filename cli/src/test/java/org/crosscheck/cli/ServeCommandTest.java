package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crosscheck.web.WebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path tmp;

  private static WebApp.Settings settings(Map<String, String> env, String... args) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.settings(env::get);
  }

  @Test
  void aTokenOnTheCommandLineIsRefusedPointingToTheEnvironmentVariableAndTheFile() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"serve", "--data", tmp.resolve("data").toString(), "--token", "s3cret"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--token is not accepted", "CROSSCHECK_TOKEN", "--token-file");
    assertThat(Files.exists(tmp.resolve("data"))).isFalse();
  }

  @Test
  void theTokenIsTheTrimmedFirstLineOfTheTokenFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("token"), "  s3cret-token \nsecond line\n");
    assertThat(settings(Map.of(), "--token-file", file.toString()).token()).isEqualTo("s3cret-token");
    // the file wins over the environment
    assertThat(settings(Map.of("CROSSCHECK_TOKEN", "from-env"), "--token-file", file.toString()).token())
        .isEqualTo("s3cret-token");
  }

  @Test
  void theTokenComesFromTheEnvironmentWithoutAFile() {
    assertThat(settings(Map.of("CROSSCHECK_TOKEN", " from-env "), "--host", "0.0.0.0").token()).isEqualTo("from-env");
    assertThat(settings(Map.of()).token()).isNull();
  }

  @Test
  void anUnreadableOrEmptyTokenFileIsNamedInTheError() throws Exception {
    Path missing = tmp.resolve("no-such-token");
    assertThatThrownBy(() -> settings(Map.of(), "--token-file", missing.toString()))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file");
    Path empty = Files.writeString(tmp.resolve("empty"), "\n  \n");
    assertThatThrownBy(() -> settings(Map.of(), "--token-file", empty.toString()))
        .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
  }

  @Test
  void anotherAddressWithoutATokenIsRefusedSayingWhereToPutOne() {
    assertThatThrownBy(() -> settings(Map.of(), "--host", "0.0.0.0")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("0.0.0.0").hasMessageContaining("CROSSCHECK_TOKEN").hasMessageContaining("--token-file");
  }

  @Test
  void thePublicUrlAllowedHostsAndUploadSlotsReachTheSettings() {
    WebApp.Settings s = settings(Map.of(), "--public-url", "https://news.example.org", "--allow-host", "crosscheck.lan",
        "--allow-host", "10.0.0.5", "--max-parallel-uploads", "3");
    assertThat(s.publicUrl()).isEqualTo(URI.create("https://news.example.org"));
    assertThat(s.allowedHosts()).containsExactly("crosscheck.lan", "10.0.0.5");
    assertThat(s.maxConcurrentUploads()).isEqualTo(3);
    assertThat(settings(Map.of()).maxConcurrentUploads()).isEqualTo(2);
    assertThatThrownBy(() -> settings(Map.of(), "--public-url", "news.example.org"))
        .hasMessageContaining("news.example.org").hasMessageContaining("http(s)");
    assertThatThrownBy(() -> settings(Map.of(), "--allow-host", "http://evil/")).hasMessageContaining("http://evil/");
    assertThatThrownBy(() -> settings(Map.of(), "--max-parallel-uploads", "0")).hasMessageContaining("was 0");
  }
}
