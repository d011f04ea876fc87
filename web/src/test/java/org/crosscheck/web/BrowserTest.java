package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives real headless Chromium (Debian's chromium and chromium-driver) through the web app: home,
 * the seed story, its conflict and source matrix, a citation, search, an upload. Skipped when
 * Chromium is not installed, except under CI, where {@code .ci/run} installs it and its absence fails.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  @TempDir static Path dir;
  @TempDir static Path uploads;
  private static SeedServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!installed) {
      assertThat(System.getenv("CI")).as("CI must have chromium and chromium-driver (installed by .ci/run)").isNull();
      Assumptions.abort("chromium and chromium-driver are not installed");
    }
    server = SeedServer.start(dir, null, 1 << 20);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build(), options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAnalystReadsTheSeedStoryFollowsACitationSearchesAndUploads() throws Exception {
    String base = server.web.url();
    browser.get(base + "/");
    browser.findElement(By.linkText("North Korea Deploys Troops in Russia Under Military Pact")).click();
    new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
    assertThat(browser.getCurrentUrl()).endsWith("/stories/s-1");
    // the conflict, side by side, and the source matrix
    assertThat(browser.findElements(By.cssSelector("#conflicts .side")).stream().map(WebElement::getText))
        .anySatisfy(t -> assertThat(t).startsWith("2024-06")).anySatisfy(t -> assertThat(t).startsWith("2024-12"));
    assertThat(browser.findElements(By.cssSelector("#matrix td.contradicts"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(browser.findElements(By.cssSelector("#matrix th")).size()).isEqualTo(6); // the fact column, five outlets
    WebElement coverage = browser.findElement(By.cssSelector("svg.coverage"));
    assertThat(coverage.isDisplayed()).isTrue();
    assertThat(coverage.getSize().getHeight()).isGreaterThan(100);
    assertThat(browser.findElements(By.cssSelector("svg.coverage g.outlet"))).hasSize(5);
    assertThat(browser.findElements(By.cssSelector("svg.coverage circle.first"))).hasSize(1);
    // a citation names the outlet and paragraph, with the cited words on hover
    assertThat(browser.findElements(By.cssSelector("#summary a.cite")).stream().map(WebElement::getText))
        .contains("MENAFN ¶1");
    WebElement label = browser.findElement(By.cssSelector("#consensus a.cite"));
    assertThat(label.getText()).matches(".+ ¶\\d+");
    assertThat(label.getAttribute("title")).isNotBlank();
    // a fact shows its short statement; its full sentence opens with a click on it, without JavaScript
    WebElement fact = browser.findElements(By.cssSelector("#consensus details.fact")).stream()
        .filter(d -> d.findElement(By.cssSelector(".statement")).getText().startsWith("North Korea officially confirmed"))
        .findFirst().orElseThrow();
    WebElement full = fact.findElement(By.cssSelector(".full"));
    assertThat(full.isDisplayed()).isFalse();
    fact.findElement(By.cssSelector("summary .statement")).click();
    assertThat(full.isDisplayed()).isTrue();
    assertThat(full.getText()).startsWith("(MENAFN) North Korea officially confirmed").contains("according to media reports");
    fact.findElement(By.cssSelector("summary .statement")).click();
    assertThat(full.isDisplayed()).isFalse();
    Path shots = Path.of(System.getProperty("crosscheck.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    Path shot = shots.resolve("story-s-1.png");
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    // click a citation: the article opens with the cited span highlighted
    WebElement cite = browser.findElements(By.cssSelector("#exclusives a.cite")).stream()
        .filter(a -> a.getAttribute("title").contains("15,800")).findFirst().orElseThrow();
    String cited = cite.getAttribute("title");
    cite.click();
    WebElement mark = new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("cited")));
    assertThat(browser.getCurrentUrl()).contains("/articles/").endsWith("#cited");
    assertThat(mark.getText()).isEqualTo(cited.replaceAll("\\s+", " "));
    // search
    WebElement box = browser.findElement(By.name("q"));
    box.sendKeys("Kursk");
    box.submit();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
    assertThat(browser.findElements(By.cssSelector("#results mark")).stream().map(WebElement::getText)).contains("Kursk");
    assertThat(browser.findElement(By.cssSelector("#results h2")).getText()).isEqualTo("Story s-1");
    // upload a file and see it appear
    Path file = uploads.resolve("harbour.txt");
    Files.writeString(file, "Zanzibar harbour reopens\n\nThe harbour of Zanzibar reopened on Friday after three weeks"
        + " of repairs, port officials said, and the first ferry left for Dar es Salaam at noon.\n");
    browser.get(base + "/ingest");
    browser.findElement(By.name("files")).sendKeys(file.toString());
    browser.findElement(By.cssSelector("#upload button")).click();
    WebElement result = new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    assertThat(result.getText()).contains("1 added");
    result.findElement(By.cssSelector(".stored a")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("text")));
    assertThat(browser.findElement(By.id("text")).getText()).contains("first ferry left for Dar es Salaam");
    browser.get(base + "/search?q=Zanzibar");
    assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(1);
    // another outlet reports the seed story: the story page says what changed, and its chart has a row more
    List<String> seeds = org.crosscheck.SharedData.seedFiles();
    String seed = Files.readString(Path.of(seeds.getLast()));
    Path joining = uploads.resolve("joining.jsonl");
    Files.writeString(joining, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
        "id", "browser-wire-1", "source", "Browser Wire", "published", "2025-04-28", "title",
        "North Korea confirms its troops fought in Kursk", "text", seed.lines().skip(1)
            .collect(java.util.stream.Collectors.joining("\n")) + "\nBrowser Wire could not confirm the figures."))
        + "\n");
    browser.get(base + "/ingest");
    browser.findElement(By.name("files")).sendKeys(joining.toString());
    browser.findElement(By.cssSelector("#upload button")).click();
    assertThat(new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("result"))).getText()).contains("1 added");
    browser.get(base + "/stories/s-1");
    browser.findElement(By.linkText("what changed")).click();
    WebElement change = new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("version-2")));
    assertThat(browser.getCurrentUrl()).endsWith("#changes");
    assertThat(change.findElement(By.cssSelector("h3")).getText()).startsWith("Version 1 → 2");
    assertThat(change.findElement(By.cssSelector(".new-outlets")).getText()).isEqualTo("Browser Wire");
    assertThat(change.findElement(By.cssSelector(".headline")).getText()).startsWith("1 new article, 1 new outlet");
    assertThat(browser.findElements(By.cssSelector("svg.coverage g.outlet"))).hasSize(6);
  }

  /**
   * Writes the README's screenshot of the seed story's page when asked to: {@code mvn -B -o -pl web -am verify
   * -Dtest=BrowserTest#readmeScreenshot -Dsurefire.failIfNoSpecifiedTests=false -Dcrosscheck.readmeScreenshot=$PWD/docs/story.png}.
   * Skipped otherwise, so that no build depends on it.
   */
  @Test
  void readmeScreenshot() throws Exception {
    String to = System.getProperty("crosscheck.readmeScreenshot");
    Assumptions.assumeTrue(to != null && !to.isBlank(), "set -Dcrosscheck.readmeScreenshot=FILE to write the screenshot");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
    browser.get(server.web.url() + "/stories/s-1");
    new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
    browser.executeScript("window.scrollTo(0, 0)");
    Path shot = Path.of(to);
    Files.createDirectories(shot.toAbsolutePath().getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
