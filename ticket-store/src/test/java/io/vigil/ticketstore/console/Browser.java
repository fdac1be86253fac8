package io.vigil.ticketstore.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium}, driven by Debian's {@code chromedriver}) with a
 * browser context of its own, so two of them are two people; fails with the packages to install
 * when the driver is missing, never skips.
 */
final class Browser implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(30);

  private static final String DRIVER =
      System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver");
  private static final String CHROMIUM = System.getProperty("vigil.chromium", "/usr/bin/chromium");

  final ChromeDriver driver;
  private final String base;

  Browser(String base, int width, int height) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (!Files.isExecutable(Path.of(DRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
      throw new AssertionError(
          "the browser tests need Debian's headless Chromium and its driver at "
              + CHROMIUM
              + " and "
              + DRIVER
              + ": install them with 'apt-get install -y chromium chromium-driver'"
              + " (.ci/run does), or point -Dvigil.chromium / -Dvigil.chromedriver at them");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  /** Opens a page of the console or the status page. */
  void open(String path) {
    driver.get(base + path);
  }

  /** Signs in on the sign-in page with the token, and waits for the incident list. */
  void signIn(String token) {
    open("/login");
    driver.findElement(By.id("token")).sendKeys(token);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    await(By.cssSelector("table.incidents"));
  }

  /** The element, once it is on the page. */
  WebElement await(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element's text contains {@code text}, and returns the element. */
  WebElement awaitText(By by, String text) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "'" + text + "' in " + by + " on " + driver.getCurrentUrl())
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  /** Saves the whole page, from its top, as a PNG. */
  void screenshot(Path file) {
    Dimension size = driver.manage().window().getSize();
    try {
      driver.executeScript("window.scrollTo(0, 0);");
      Number height = (Number) driver.executeScript("return document.body.scrollHeight;");
      driver
          .manage()
          .window()
          .setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue())));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
