package dev.authpack.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a page controller's form handler belongs to, as an address template whose variables are the handler's
 * own path variables ({@code "/cases/{caseId}#documents"}). A form value that does not bind to its parameter's type
 * ("maybe" for a boolean, an edited page, a script) then goes back to that page saying which field and what it must
 * be, nothing done ({@link UnreadFormValues}); without it, the sender's mistake is only a 400 error page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FormOnPage {

    /**
     * The form's page, a path of this service, with the handler's path variables in braces and an optional anchor.
     * Its template includes the layout's {@code flash} fragment, which shows the sentence.
     */
    String value();
}
