package vn.temso.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (both installed by .ci/run). Nothing is
 * downloaded: the browser and driver paths are given, and the flags keep Chromium off the network.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final URI base;

    Browser(URI base, int width, int height) {
        this.base = base;
        System.setProperty("webdriver.chrome.driver", System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=vi-VN",
                "--window-size=" + width + "," + height);
        try {
            options.addArguments(
                    "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        driver = new ChromeDriver(
                new ChromeDriverService.Builder().withLogOutput(System.err).build(), options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    static boolean available() {
        return new File(System.getProperty("chromium", "/usr/bin/chromium")).canExecute()
                && new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")).canExecute();
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    WebElement el(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement e = el(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Date and datetime inputs take their value through script: typing them depends on the browser's locale. */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", el(id), value);
    }

    void select(String id, String visibleTextPart) {
        Select s = new Select(el(id));
        for (WebElement o : s.getOptions()) {
            if (o.getText().contains(visibleTextPart)) {
                s.selectByVisibleText(o.getText());
                return;
            }
        }
        throw new AssertionError("no option containing " + visibleTextPart + " in " + id);
    }

    void click(String id) {
        el(id).click();
    }

    /** The page's text; read again when the page was replaced while reading it (a sign-in or form answer arriving). */
    String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    void waitFor(java.util.function.Predicate<WebDriver> condition, int seconds) {
        // the page may be replaced while the condition looks at it (a redirect after a POST): look again. Chromium
        // then also answers "Node with given id does not belong to the document" as a plain WebDriverException
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(condition::test);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void signIn(String username, String password) {
        open("/login.xhtml");
        type("login:username", username);
        type("login:password", password);
        click("login:submit");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
