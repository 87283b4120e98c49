package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The document template engine: its own Thymeleaf engine (not the web one) over
 * {@code <templates>/documents/*.html}: well-formed XHTML (checked at start-up, {@link TemplateSnapshot}), so the
 * output is XML that the PDF step can parse; the engine reads it with its HTML parser, as it always has. Sentences come from {@code documents/messages/*.properties}
 * (one bundle per file family, e.g. {@code estimate_en.properties} and {@code estimate_es.properties});
 * English is the fallback. Every sentence goes through {@link java.text.MessageFormat}, placeholders or not,
 * so {@code ''} always prints one apostrophe. Templates and bundles are read once, at start-up
 * ({@link TemplateSnapshot}): an edit takes effect on a restart. Every sentence a template names, and every
 * translation of an English sentence, must be there ({@link SentenceCoverage}).
 */
final class DocumentTemplates {

    /** {@code estimate_es.properties}: the language of a bundle file. */
    private static final Pattern LANGUAGE = Pattern.compile(".+_([a-z]{2})(?:_[A-Z]{2})?\\.properties");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final TemplateSnapshot snapshot;
    private final Path folder;
    private final ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
    /** Thymeleaf's evaluation context asks for one; no template may reach it (see {@link #fill}). */
    private final ApplicationContext noBeans = new StaticApplicationContext();

    DocumentTemplates(Path documentsDir) {
        if (!Files.isDirectory(documentsDir)) {
            throw new TemplateException(documentsDir.toAbsolutePath(), "folder not found (the document templates)");
        }
        folder = documentsDir.toAbsolutePath();
        snapshot = TemplateSnapshot.read(documentsDir);
        engine.setTemplateResolver(snapshot);
        // compiles hot SpEL expressions to bytecode: templates run the same expressions on every document
        engine.setEnableSpringELCompiler(true);
        checkQuotes(documentsDir.resolve("messages"));
        messages.setBasenames(bundles(documentsDir.resolve("messages")));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        // Administrators edit the bundles without a build: one quoting rule for every sentence ('' is an
        // apostrophe) instead of one that flips when a sentence gains or loses a placeholder.
        messages.setAlwaysUseMessageFormat(true);
        engine.setTemplateEngineMessageSource(new IsolatingMessages(messages));
        // read every bundle now, as the templates: one edited while the service runs is not read half-done
        // by the first document in its language; an edit takes effect on a restart
        for (Locale language : languages(documentsDir.resolve("messages"))) {
            messages.getMessage("documents.preload", null, "", language);
        }
        SentenceCoverage.checkTranslations(documentsDir.resolve("messages"));
        SentenceCoverage.checkTemplates(folder, snapshot.texts(),
                key -> messages.getMessage(key, null, null, Locale.ENGLISH) != null);
    }

    /** Whether {@code messages/<bundle>_<language>.properties} was there at start-up. */
    boolean hasSentences(String bundle, Locale language) {
        return Files.isRegularFile(folder.resolve("messages").resolve(bundle + "_" + language.getLanguage() + ".properties"));
    }

    Path folder() {
        return folder;
    }

    /** Whether {@code documents/<name>.html} was there at start-up (a feature checks the one it renders). */
    boolean has(String template) {
        return snapshot.has(template);
    }

    /** The languages the bundles are written in ({@code estimate_es.properties}: Spanish), English always. */
    private static Set<Locale> languages(Path folder) {
        Set<Locale> out = new LinkedHashSet<>(List.of(Locale.ENGLISH));
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).map(LANGUAGE::matcher).filter(Matcher::matches)
                    .forEach(m -> out.add(Locale.forLanguageTag(m.group(1))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return out;
    }

    /** A bundle that breaks the quoting rule stops start-up, naming file, key and line, like a bad policy file. */
    private static void checkQuotes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                List<TemplateException.Problem> problems = MessageQuotes.check(TemplateText.read(file.toAbsolutePath()));
                if (!problems.isEmpty()) {
                    throw new TemplateException(file.toAbsolutePath(), problems);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    /** {@code messages/estimate_es.properties} and {@code messages/estimate_en.properties} make bundle "estimate". */
    private static String[] bundles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new String[0];
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()).replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""))
                    .distinct().sorted()
                    .map(base -> "file:" + folder.toAbsolutePath().resolve(base))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The filled template as XHTML; the view model is {@code vm} in the template. */
    String fill(String template, Object viewModel, Locale locale) {
        Context context = new Context(locale, Map.of("vm", viewModel));
        // Without this, Thymeleaf gives every document a fresh SpEL context whose property accessor has
        // forgotten the view model's getters, so each document looked them all up again (~330 reflective
        // misses each, one exception apiece). This context's accessors are Thymeleaf's shared ones, as for
        // the web pages: 11 % less CPU per packet (docs/performance.md).
        ThymeleafEvaluationContext expressions = new ThymeleafEvaluationContext(noBeans, null);
        // An administrator's template reaches its view model and nothing else: no @bean (@systemEnvironment
        // would print the service's secrets into a PDF).
        expressions.setBeanResolver(null);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, expressions);
        return engine.process(template, context);
    }

    /**
     * Fills the template as a document would and throws the result away: an expression naming no value
     * ({@code ${vm.totals.totl}}, a method that does not exist) fails only when filled, and before this every
     * document of the kind was a 500 while the service started and ran as if nothing were wrong.
     */
    void requireFills(String template, Object viewModel, Locale locale) {
        try {
            fill(template, viewModel, locale);
        } catch (TemplateProcessingException e) {
            throw ExpressionFailure.of(folder, template, e);
        }
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
