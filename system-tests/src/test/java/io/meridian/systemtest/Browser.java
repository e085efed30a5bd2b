package io.meridian.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, as a person would use the pages:
 * fields are found by their label's text, buttons and links by their accessible name, never by CSS
 * paths. Every page a test reaches is kept as a screenshot under {@code
 * target/screenshots/<test>-NN-<step>.png}, the tests' evidence.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final String test;
  private int shots;

  private Browser(ChromeDriver driver, String test) {
    this.driver = driver;
    this.test = test;
  }

  static Browser open(String test) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("meridian.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("meridian.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), test);
  }

  WebDriver driver() {
    return driver;
  }

  Browser go(String url) {
    driver.get(url);
    return this;
  }

  /** The input, select or text area whose label reads {@code label} (ignoring a trailing hint). */
  WebElement field(String label) {
    return until(
        d -> {
          for (WebElement l : d.findElements(By.tagName("label"))) {
            String text = l.getText().strip();
            if (text.equals(label) || text.startsWith(label + " ")) {
              String id = l.getAttribute("for");
              if (id != null) {
                return d.findElement(By.id(id));
              }
            }
          }
          List<WebElement> named =
              d.findElements(By.xpath("//*[@aria-label=" + xpathLiteral(label) + "]"));
          return named.isEmpty() ? null : named.get(0);
        },
        "a field labelled '" + label + "'");
  }

  Browser type(String label, String text) {
    WebElement f = field(label);
    f.clear();
    f.sendKeys(text);
    return this;
  }

  /** A button (or submit input) whose visible text, value or aria-label is {@code name}. */
  WebElement button(String name) {
    String n = xpathLiteral(name);
    return until(
        d -> {
          List<WebElement> found =
              d.findElements(
                  By.xpath(
                      "//button[normalize-space()="
                          + n
                          + " or @aria-label="
                          + n
                          + "] | //input[(@type='submit' or @type='button') and (@value="
                          + n
                          + " or @aria-label="
                          + n
                          + ")] | //a[contains(@class,'button') and normalize-space()="
                          + n
                          + "]"));
          return found.isEmpty() ? null : found.get(0);
        },
        "a button named '" + name + "'");
  }

  /** Clicks a button and answers its confirmation question (data-confirm) with OK. */
  Browser press(String name) {
    WebElement b = button(name);
    boolean asks = b.getAttribute("data-confirm") != null;
    if (asks) {
      ((JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; };");
    }
    b.click();
    return this;
  }

  Browser follow(String linkText) {
    until(d -> d.findElement(By.linkText(linkText)), "a link '" + linkText + "'").click();
    return this;
  }

  String text() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (StaleElementReferenceException e) {
      return driver.findElement(By.tagName("body")).getText(); // the page changed: read the new one
    }
  }

  /** Waits until the page's text contains {@code expected}; fails with the page's text if not. */
  Browser see(String expected) {
    try {
      wait(WAIT).until(d -> text().contains(expected));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "The page " + driver.getCurrentUrl() + " never showed '" + expected + "':\n" + text(), e);
    }
    return this;
  }

  /** The element with this id, once the page has it. */
  WebElement byId(String id) {
    return until(d -> d.findElement(By.id(id)), "element #" + id);
  }

  /** A wait that looks again when the page changed under it (a navigation, a refreshed part). */
  private WebDriverWait wait(Duration within) {
    WebDriverWait wait = new WebDriverWait(driver, within);
    wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
    return wait;
  }

  Browser see(String expected, Duration within) {
    try {
      wait(within).until(d -> text().contains(expected));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "The page " + driver.getCurrentUrl() + " never showed '" + expected + "':\n" + text(), e);
    }
    return this;
  }

  /** Scrolls the element with this id into view, then keeps the page as {@link #shot} does. */
  Browser shot(String step, String elementId) {
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView();", elementId);
    return shot(step);
  }

  /** Keeps the page as it is now as {@code target/screenshots/<test>-NN-<step>.png}. */
  Browser shot(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File png = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          png.toPath(),
          SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", test, ++shots, step)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private <T> T until(Function<WebDriver, T> find, String what) {
    try {
      return wait(WAIT).until(find::apply);
    } catch (RuntimeException e) {
      throw new AssertionError("No " + what + " on " + driver.getCurrentUrl() + ":\n" + text(), e);
    }
  }

  private static String xpathLiteral(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
