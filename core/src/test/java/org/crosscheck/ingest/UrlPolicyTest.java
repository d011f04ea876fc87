package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {
  private static final String HINT =
      " (to fetch from this machine or a private network, start with --allow-private-urls)";
  private final UrlPolicy policy = UrlPolicy.publicOnly();

  private void refuse(String url, String message) {
    assertThatThrownBy(() -> policy.checkAddress(policy.parse(url)))
        .isInstanceOf(IngestException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1/          | 127.0.0.1 is a loopback address",
      "http://127.255.3.4:8080/x  | 127.255.3.4 is a loopback address",
      "http://0.0.0.0/            | 0.0.0.0 is the unspecified address",
      "http://0.1.2.3/            | 0.1.2.3 is a \"this network\" address (0.0.0.0/8)",
      "http://[::1]/              | ::1 is a loopback address",
      "http://[::]/               | :: is the unspecified address",
      "http://[::ffff:127.0.0.1]/ | ::ffff:127.0.0.1 is 127.0.0.1, a loopback address",
      "http://[::ffff:10.0.0.1]/  | ::ffff:10.0.0.1 is 10.0.0.1, a private address",
      "http://[64:ff9b::7f00:1]/  | 64:ff9b::7f00:1 is a NAT64 IPv6 address holding 127.0.0.1, a loopback address",
      "http://[2002:a9fe:a9fe::1]/ | 2002:a9fe:a9fe::1 is a 6to4 IPv6 address holding 169.254.169.254, a link-local"
          + " address (cloud metadata services answer at 169.254.169.254)",
      "http://[::7f00:1]/         | ::7f00:1 is an IPv4-compatible IPv6 address holding 127.0.0.1, a loopback address",
      "http://10.0.0.1/           | 10.0.0.1 is a private address",
      "http://172.16.5.4/         | 172.16.5.4 is a private address",
      "http://172.31.255.255/     | 172.31.255.255 is a private address",
      "http://192.168.1.1/        | 192.168.1.1 is a private address",
      "http://100.64.0.1/         | 100.64.0.1 is a carrier-grade NAT address (100.64.0.0/10)",
      "http://169.254.169.254/latest/meta-data/ | 169.254.169.254 is a link-local address (cloud metadata services"
          + " answer at 169.254.169.254)",
      "http://[fe80::1]/          | fe80::1 is a link-local address (fe80::/10)",
      "http://[fc00::1]/          | fc00::1 is a unique-local address (fc00::/7)",
      "http://[fd12:3456::1]/     | fd12:3456::1 is a unique-local address (fc00::/7)",
      "http://224.0.0.1/          | 224.0.0.1 is a multicast address",
      "http://[ff02::1]/          | ff02::1 is a multicast address",
      "http://255.255.255.255/    | 255.255.255.255 is the broadcast address",
      "http://240.0.0.1/          | 240.0.0.1 is a reserved address (240.0.0.0/4)",
  })
  void refusesNonPublicAddresses(String url, String why) {
    refuse(url, "refused: " + why + HINT);
  }

  @Test
  void refusesLocalhostByWhatItResolvesTo() {
    assertThatThrownBy(() -> policy.checkAddress(policy.parse("http://localhost:8080/")))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("refused: localhost resolves to ")
        .hasMessageContaining("a loopback address")
        .hasMessageEndingWith(HINT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "0x7f000001", "127.000.000.001",
      "127.0.0.1.", "017700000001", "example.0x7f"})
  void refusesHostsWrittenAsNumbersInANonStandardForm(String host) {
    assertThatThrownBy(() -> policy.parse("http://" + host + "/"))
        .isInstanceOf(IngestException.class)
        .hasMessage("refused: the host '" + host + "' is a number in a non-standard form (resolvers disagree on how"
            + " to read it); write an IPv4 address as four decimal numbers such as 192.0.2.1");
    assertThatThrownBy(() -> UrlPolicy.allowPrivate().parse("http://" + host + ":8080/"))
        .as("even when private addresses are allowed")
        .hasMessageContaining("non-standard form");
  }

  @Test
  void parsesTheSchemeWhateverItsCase() {
    URI uri = policy.parse("  HTTP://example.com/a?b=c#d ");

    assertThat(uri.getScheme()).isEqualTo("http");
    assertThat(uri).hasToString("http://example.com/a?b=c#d");
    assertThat(policy.parse("HtTpS://Example.com").getScheme()).isEqualTo("https");
  }

  @Test
  void acceptsOnlyHttpAndHttps() {
    assertThatThrownBy(() -> policy.parse("file:///etc/passwd"))
        .isInstanceOf(IngestException.class)
        .hasMessage("only http and https URLs are fetched, not 'file'");
    assertThatThrownBy(() -> policy.parse("ftp://example.com/feed.xml"))
        .hasMessage("only http and https URLs are fetched, not 'ftp'");
    assertThatThrownBy(() -> policy.parse("gopher://example.com/"))
        .hasMessage("only http and https URLs are fetched, not 'gopher'");
    assertThatThrownBy(() -> policy.parse("feed.xml")).hasMessage("not an http(s) URL");
  }

  @Test
  void requiresAHost() {
    assertThatThrownBy(() -> policy.parse("HTTP://../../etc/passwd"))
        .isInstanceOf(IngestException.class)
        .hasMessage("not a valid URL: '..' is not a valid host name");
    assertThatThrownBy(() -> policy.parse("http:///etc/passwd")).hasMessage("not a valid URL: no host name");
    assertThatThrownBy(() -> policy.parse("http:example.com")).hasMessage("not a valid URL: no host name");
    assertThatThrownBy(() -> policy.parse("http://exa mple.com/"))
        .hasMessageStartingWith("not a valid URL: ");
    assertThatThrownBy(() -> policy.parse("   ")).hasMessage("not a valid URL: it is empty");
  }

  @Test
  void refusesAUserNameOrPassword() {
    assertThatThrownBy(() -> policy.parse("http://user:pw@example.com/"))
        .isInstanceOf(IngestException.class)
        .hasMessage("URLs with a user name or password (user:password@) are not fetched")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> policy.parse("http://127.0.0.1@example.com/"))
        .hasMessage("URLs with a user name or password (user:password@) are not fetched");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://93.184.215.14/", "https://8.8.8.8:443/dns", "http://[2606:4700:4700::1111]/",
      "http://172.32.0.1/", "http://100.128.0.1/", "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::808:808]/"})
  void letsPublicAddressesThroughWithoutLookingThemUp(String url) {
    // IP literals need no DNS, so this runs without network access
    assertThatCode(() -> policy.checkAddress(policy.parse(url))).doesNotThrowAnyException();
  }

  @Test
  void allowsPrivateAddressesWhenTheOperatorSaysSo() {
    UrlPolicy intranet = UrlPolicy.allowPrivate();

    assertThatCode(() -> intranet.checkAddress(intranet.parse("http://127.0.0.1:8080/"))).doesNotThrowAnyException();
    assertThatCode(() -> intranet.checkAddress(intranet.parse("http://10.0.0.1/"))).doesNotThrowAnyException();
    assertThat(UrlPolicy.of(true)).isSameAs(intranet);
    assertThat(UrlPolicy.of(false)).isSameAs(UrlPolicy.publicOnly());
    assertThatThrownBy(() -> intranet.parse("file:///etc/passwd")).hasMessageContaining("not 'file'");
  }

  @Test
  void exemptsExactlyOneHostAndPort() {
    UrlPolicy test = policy.exempting("127.0.0.1", 8080);

    assertThatCode(() -> test.checkAddress(test.parse("http://127.0.0.1:8080/x"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> test.checkAddress(test.parse("http://127.0.0.1:8081/x")))
        .hasMessageStartingWith("refused: 127.0.0.1 is a loopback address");
    assertThatThrownBy(() -> test.checkAddress(test.parse("http://127.0.0.1/x")))
        .hasMessageStartingWith("refused: 127.0.0.1 is a loopback address");
    assertThatThrownBy(() -> test.checkAddress(test.parse("http://localhost:8080/x")))
        .hasMessageStartingWith("refused: localhost resolves to ");
  }

  @Test
  void namesAnUnknownHost() {
    assertThatThrownBy(() -> policy.checkAddress(policy.parse("http://no-such-host.invalid/")))
        .isInstanceOf(IngestException.class)
        .hasMessage("unknown host");
  }
}
