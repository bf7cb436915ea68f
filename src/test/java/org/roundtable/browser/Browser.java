package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roundtable.JarProcess;

/**
 * Debian's headless Chromium, driven through its own ChromeDriver. Both paths are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded at test time.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 390;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int AXE_SECONDS = 120;
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final JarProcess server;
    private final boolean javascript;

    private Browser(ChromeDriver driver, JarProcess server, boolean javascript) {
        this.driver = driver;
        this.server = server;
        this.javascript = javascript;
    }

    /** A new browser profile (no cookies) for {@code server}, with JavaScript on or off. */
    static Browser open(JarProcess server, boolean javascript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and ChromeDriver: "
                    + "sudo apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + DESKTOP_WIDTH + ",900", "--lang=en-US",
                // Smooth scrolling would move elements while Selenium clicks them; tests that need motion ask for it.
                "--force-prefers-reduced-motion");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (!javascript) {
            // The page's scripts are off for every page this tab opens (<noscript> shows, as with the content
            // setting); unlike the content setting, DevTools can lift it for a moment, so axe can read the page.
            scriptsOff(driver, true);
        }
        return new Browser(driver, server, javascript);
    }

    private static void scriptsOff(ChromeDriver driver, boolean off) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", off));
    }

    void go(String path) {
        driver.get(server.uri(path).toString());
    }

    /** What the address bar shows after the host: the path and the fragment (the query is left out). */
    String path() {
        var uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    List<WebElement> findAll(WebElement within, String css) {
        return within.findElements(By.cssSelector(css));
    }

    WebElement find(WebElement within, String css) {
        return within.findElement(By.cssSelector(css));
    }

    /** Clears a field and types into it, as a person would. */
    void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Waits up to ten seconds for {@code condition}, e.g. for a comment sent by fetch to show up. Posting swaps
     * the discussion's markup, so elements found a moment earlier may be gone; the condition is then tried again.
     */
    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement await(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Whether the whole of {@code element} is on the screen as it is scrolled now. */
    boolean onScreen(WebElement element) {
        return (Boolean) script("const box = arguments[0].getBoundingClientRect();"
                + "return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;", element);
    }

    /** Drops one cookie, as time does (HttpOnly cookies are out of a page script's reach). */
    void forgetCookie(String name) {
        driver.manage().deleteCookieNamed(name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Clicks a button that sends a form, and waits until the answer has replaced the page (or the section). */
    void submit(WebElement button) {
        button.click();
        awaitReplaced(button);
    }

    /** Waits until {@code element} has left the page, and the page that replaced it has loaded. */
    void awaitReplaced(WebElement element) {
        await(driver -> {
            try {
                element.isEnabled();
                return null;
            } catch (WebDriverException gone) {
                // Stale, or (while the next page replaces this one) "does not belong to the document".
                return true;
            }
        });
        await(driver -> "complete".equals(script("return document.readyState;")) ? true : null);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Three quick clicks, as a reader selects a whole paragraph. */
    void tripleClick(WebElement element) {
        new Actions(driver).click(element).click(element).click(element).perform();
    }

    void tab() {
        press(Keys.TAB);
    }

    void acceptConfirmation() {
        await(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException notYet) {
                return null;
            }
        });
    }

    /** The viewport is {@code width} CSS pixels wide, as on a phone (390) or a desktop (1280). */
    void width(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", width < 800 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width < 800));
    }

    /** Emulates a user preference such as {@code prefers-color-scheme: dark}. */
    void prefer(String feature, String value) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", feature, "value", value))));
    }

    /** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
    long horizontalOverflow() {
        return (Long) script("return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
    }

    /** Saves the whole page as target/screenshots/{name}-{width}.png. */
    void screenshot(String name, int width) {
        long height = (Long) script("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", Math.min(height, 16_000), "deviceScaleFactor", 1, "mobile", width < 800));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        width(width);
    }

    /** Runs axe-core on the current page and asserts that it finds nothing serious or critical. */
    /**
     * axe-core finds nothing serious or critical on the page as it is now. Without JavaScript the page's scripts
     * stay off and axe's own run with scripts lifted for the moment: with the browser's content setting, axe
     * waited out its 30 s timeout and reported nothing at all. It must say what it checked, so it cannot pass
     * by not running.
     */
    void assertAccessible() {
        Results results;
        if (javascript) {
            results = axe();
        } else {
            scriptsOff(driver, false);
            try {
                results = axe();
            } finally {
                scriptsOff(driver, true);
            }
        }
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", path(), results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules axe-core checked on %s", path()).isNotEmpty();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(blocking)
                .as("axe-core violations on %s", path())
                .extracting(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .isEmpty();
    }

    /** axe-core's run, given longer than its 30 s default: on a busy machine the admin pages took more. */
    private Results axe() {
        return new AxeBuilder().setTimeout(AXE_SECONDS).analyze(driver);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
