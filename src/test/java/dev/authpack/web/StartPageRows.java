package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A case's row in one list of the start page, found as a clerk finds it there. Each list shows its first 50
 * (the most urgent first) and the browser test classes share one database: a case one test made can sit
 * past the first 50 when other classes ran before it. So the row is looked for in the first 50, then through
 * the list's "show all" link and its "Next page" links, and only then is it missing.
 */
final class StartPageRows {

    private StartPageRows() {
    }

    /** The row of {@code caseId} in the list {@code list} (the section's id, e.g. {@code readyToSubmit}). */
    static WebElement row(Browser browser, String list, String caseId) {
        browser.go("/worklist");
        By row = By.cssSelector("#" + list + "-table tr[data-case='" + caseId + "']");
        List<WebElement> found = browser.driver().findElements(row);
        List<WebElement> showAll = browser.driver().findElements(By.cssSelector("#" + list + " p.more a"));
        if (found.isEmpty() && !showAll.isEmpty()) {
            browser.clickAndWaitForNextPage(showAll.get(0));
            found = browser.driver().findElements(row);
            List<WebElement> next = browser.driver().findElements(By.cssSelector("#" + list + " p.more a[rel=next]"));
            while (found.isEmpty() && !next.isEmpty()) {
                browser.clickAndWaitForNextPage(next.get(0));
                found = browser.driver().findElements(row);
                next = browser.driver().findElements(By.cssSelector("#" + list + " p.more a[rel=next]"));
            }
        }
        assertThat(found).as("case %s on the list %s, its first 50 or past them", caseId, list).isNotEmpty();
        return found.get(0);
    }
}
