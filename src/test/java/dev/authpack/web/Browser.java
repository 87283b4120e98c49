package dev.authpack.web;

import dev.authpack.support.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A headless Chromium for end-to-end tests, driven through the distribution's chromedriver (no
 * download at test time). Where no browser is installed the calling test is skipped, saying so.
 *
 * <p>A test gets a browser with nothing of an earlier test in it: no cookie, no stored draft, no cached
 * page, one window at the standard size. Starting Chromium for that took ~3.5 s and ~7 CPU-seconds per test, so a
 * finished test's browser is emptied ({@link #reset}) and handed to the next one instead ({@link #take},
 * {@link #giveBack}); one that cannot be emptied is closed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("authpack.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("authpack.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static final Dimension WINDOW = new Dimension(1280, 1024);

    /** Emptied browsers waiting for the next test: at most as many as tests ran at the same time. */
    private static final Deque<Browser> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.forEach(Browser::close), "close-idle-browsers"));
    }

    private final ChromeDriver driver;
    private final Path profile;
    private String base;

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("authpack-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--window-size=" + WINDOW.width + "," + WINDOW.height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                // Chromium on Linux takes its UI locale, and so the date inputs' field order, from these
                .withEnvironment(Map.of("LANGUAGE", "en_US", "LANG", "en_US.UTF-8"))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Starts the browser, or skips the test with a message when Chromium or chromedriver is absent (fails on CI). */
    static Browser open(int port) {
        Prerequisites.need(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                () -> "Browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                        + " (install with: apt-get install -y chromium chromium-driver)");
        try {
            return new Browser("http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A browser for a test of the server on {@code port}: an emptied one a finished test gave back, or a new
     * one. Skips the test as {@link #open} does.
     */
    static Browser take(int port) {
        Browser idle = IDLE.poll();
        if (idle == null) {
            return open(port);
        }
        idle.base = "http://localhost:" + port;
        return idle;
    }

    /** Empties this browser for the next test, or closes it when that fails (a crashed or hung Chromium). */
    void giveBack() {
        try {
            reset();
        } catch (RuntimeException e) {
            close();
            return;
        }
        IDLE.push(this);
    }

    /**
     * Removes what a test leaves in the browser that the next one could meet: the other windows, cookies
     * (of every site), the stored data of the server's origin (drafts in local storage and the rest), the
     * HTTP cache, a device emulated and a window resized. The page left open is a blank one.
     */
    void reset() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(WINDOW);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    WebElement byName(String name) {
        return driver.findElement(By.name(name));
    }

    void logIn(String user, String password) {
        go("/login");
        byName("username").sendKeys(user);
        byName("password").sendKeys(password);
        clickAndWaitForNextPage(find(By.cssSelector("form.login-form button[type=submit]")));
    }

    void logOut() {
        clickAndWaitForNextPage(find(By.cssSelector("form.logout button")));
    }

    /** Clicks something that submits or navigates, and waits until the next page has replaced this one. */
    void clickAndWaitForNextPage(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    /** Types keys (such as Enter) that submit a form, and waits until the next page has replaced this one. */
    void pressAndWaitForNextPage(WebElement element, CharSequence... keys) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.sendKeys(keys);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    /** Whether {@code element}'s page has been replaced by another (a download leaves it in place). */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            // stale, or (newer Chromium) "node does not belong to the document": either way replaced
            return true;
        }
    }

    /** Types a date into an {@code <input type="date">} the way a user does: month, day, year (en-US). */
    static void typeDate(WebElement input, LocalDate date) {
        input.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
    }

    /** Saves a screenshot of the current page as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends this browser's session as an idle timeout ends it: its row in the session table is removed, the
     * cookie stays.
     */
    void endSession(JdbcTemplate jdbc) {
        String session = new String(Base64.getDecoder().decode(
                driver.manage().getCookieNamed("JSESSIONID").getValue()), StandardCharsets.US_ASCII);
        if (jdbc.update("DELETE FROM spring_session WHERE session_id = ?", session) != 1) {
            throw new IllegalStateException("the browser's session was not in the session table");
        }
    }

    /** Fetches a link the way the browser would, with its session, and returns status and bytes. */
    HttpResponse<byte[]> download(String href) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : base + href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }
}
