package dev.authpack.web;

import dev.authpack.support.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package, pinned in src/test/a11y and installed there by {@code .ci/run} with
 * {@code npm ci}) injected into the page under test: the WCAG 2.0/2.1 A and AA rules' violations,
 * each as "rule: selectors". Injected through the driver, so the page's CSP needs no exception.
 */
final class Axe {

    static final Path SCRIPT = Path.of("src/test/a11y/node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    static void assumeInstalled() {
        Prerequisites.need(Files.isReadable(SCRIPT),
                () -> "Accessibility checks skipped: no axe-core at " + SCRIPT
                        + " (install with: npm ci --prefix src/test/a11y)");
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        try {
            js.executeScript(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))),"
                + " e => done(['axe failed: ' + e]));");
    }
}
