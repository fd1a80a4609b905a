package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report as a reader's browser shows it (issue 9): Debian's headless Chromium, driven through
 * its chromedriver, opens {@code report/index.html} from disk; the headline statements are on the
 * page, every chart's SVG is laid out with a size and drawn content, nothing is fetched and the
 * console has no errors. A full-page screenshot is kept as {@code target/report-screenshot.png}.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium}
 * and {@code chromium-driver}) the test fails, so a build cannot pass without looking at the page;
 * {@code -Doffstats.skipBrowserTest=true} skips it on a machine without them.
 */
class ReportBrowserTest {
  static final String SKIP_PROPERTY = "offstats.skipBrowserTest";
  private static final Path CHROMIUM = Path.of(System.getProperty("offstats.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("offstats.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  /** Selenium warns that it has no DevTools bindings for this Chromium; the test uses none. */
  private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

  @Test
  void chromiumRendersTheHeadlinesAndEveryChartWithoutConsoleErrors(@TempDir Path profile) throws IOException {
    Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), "skipped with -D" + SKIP_PROPERTY + "=true");
    for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(program))
          .as(program + " is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver),"
              + " or skip this test with -D" + SKIP_PROPERTY + "=true")
          .isTrue();
    }
    Path run = ReportFixture.run();
    List<String> statements = new ArrayList<>();
    JsonNode headlines = new ObjectMapper().readTree(run.resolve("publish/headlines.json").toFile());
    headlines.path("figures").forEach(f -> statements.add(f.path("statement").asText()));

    ChromeDriver browser = start(profile);
    try {
      browser.get(run.resolve("report/index.html").toUri().toString());
      assertThat(browser.getTitle()).startsWith("Offender-activity statistics as at");
      assertThat(browser.findElements(By.cssSelector("ul.headlines > li")).stream().map(WebElement::getText).toList())
          .containsExactlyElementsOf(statements);

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> figures = (List<Map<String, Object>>) browser.executeScript(
          "return Array.from(document.querySelectorAll('figure')).map(figure => {"
              + " const svg = figure.querySelector('svg');"
              + " const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};"
              + " const drawn = svg ? svg.getBBox() : {width: 0, height: 0};"
              + " return {id: figure.id, width: box.width, height: box.height, drawnWidth: drawn.width,"
              + " drawnHeight: drawn.height, texts: svg ? svg.querySelectorAll('text').length : 0,"
              + " caption: figure.querySelector('figcaption').innerText}; })");
      assertThat(figures).extracting(f -> f.get("id"))
          .containsExactly("chart-arrests", "chart-charge-rates", "chart-time-to-outcome", "chart-protection-orders");
      for (Map<String, Object> figure : figures) {
        assertThat(number(figure.get("width"))).as(figure.get("id") + " width").isGreaterThan(300);
        assertThat(number(figure.get("height"))).as(figure.get("id") + " height").isGreaterThan(150);
        assertThat(number(figure.get("drawnWidth"))).as(figure.get("id") + " drawn content").isGreaterThan(300);
        assertThat(number(figure.get("drawnHeight"))).as(figure.get("id") + " drawn content").isGreaterThan(150);
        assertThat(number(figure.get("texts"))).as(figure.get("id") + " text").isGreaterThan(3);
        assertThat((String) figure.get("caption")).startsWith("Figure ");
      }
      assertThat(number(browser.executeScript("return performance.getEntriesByType('resource').length")))
          .as("resources fetched").isZero();

      saveFullPageScreenshot(browser);

      assertThat(consoleErrors(browser)).as("console errors").isEmpty();

      // the check sees errors: a copy of the page with a script, which its own policy refuses to run
      Path control = profile.resolveSibling(profile.getFileName() + "-control.html");
      Files.writeString(control, Files.readString(run.resolve("report/index.html")).replace("</body>", "<script>1</script></body>"));
      browser.get(control.toUri().toString());
      assertThat(consoleErrors(browser)).as("console errors of the control page").isNotEmpty();
    } finally {
      browser.quit();
    }
    assertThat(Files.size(SCREENSHOT)).as(SCREENSHOT + " written").isGreaterThan(50_000);
  }

  private static List<String> consoleErrors(ChromeDriver browser) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    return errors;
  }

  /** Chromium as java-maven.md starts it here: headless, root, a fresh profile, no background traffic. */
  private static ChromeDriver start(Path profile) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }

  /** The whole page, not just the window, through the DevTools protocol. */
  @SuppressWarnings("unchecked")
  private static void saveFullPageScreenshot(ChromeDriver browser) throws IOException {
    Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", number(size.get("width")), "height", number(size.get("height")), "scale", 1)));
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
