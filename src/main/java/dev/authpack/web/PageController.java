package dev.authpack.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Controller} that renders HTML pages for the web UI, so its errors (a 404 shown as
 * a page) are handled apart from the JSON API's problem responses. Not itself a stereotype: the
 * controller stays visibly a plain package-private {@code @Controller}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PageController {
}
