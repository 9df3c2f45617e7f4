package dev.undertone.app.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through the Debian chromedriver, both at fixed paths so nothing
 * is ever downloaded (no Selenium Manager), with the flags DESIGN.md lists and a fresh profile.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM =
            Path.of(System.getProperty("undertone.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("undertone.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Set {@code -Dundertone.docs.screenshots=true} to also write the README's screenshot into
     * {@code docs/} (the repository's, seen from the app module), refreshing the committed one.
     */
    static final boolean REFRESH_DOCS = Boolean.getBoolean("undertone.docs.screenshots");

    static final Path DOCS = Path.of("..", "docs");
    private static final int MAX_SHOT_HEIGHT = 6000;
    private static final int CHROME_MARGIN = 100;

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    Browser(Path profile, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "The browser tests need Debian's chromium and chromium-driver at "
                            + CHROMIUM
                            + " and "
                            + CHROMEDRIVER
                            + "; run .ci/setup (apt-get install chromium chromium-driver).");
        }
        service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    ChromeDriver driver() {
        return driver;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves a screenshot of the whole page under target/screenshots, replacing the previous one of
     * that name: the window grows to the page's height for the shot, then returns to its size.
     */
    Path screenshot(String name) throws IOException {
        Dimension size = driver.manage().window().getSize();
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        int full = Math.min(MAX_SHOT_HEIGHT, ((Number) height).intValue() + CHROME_MARGIN);
        if (full > size.getHeight()) {
            resize(size.getWidth(), full);
        }
        try {
            return save(name);
        } finally {
            resize(size.getWidth(), size.getHeight());
        }
    }

    /**
     * Copies a screenshot taken by {@link #screenshot} to {@code docs/NAME.png} when {@link
     * #REFRESH_DOCS} is set; otherwise leaves the committed one alone.
     */
    static void refreshDocs(Path shot, String name) throws IOException {
        if (REFRESH_DOCS) {
            Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path save(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
