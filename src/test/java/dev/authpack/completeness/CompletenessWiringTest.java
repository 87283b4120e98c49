package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.policy.PolicyCatalog;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The policy and completeness beans start from the templates folder property, and a bad folder stops start-up. */
class CompletenessWiringTest {

    /** The two features and the templates setting they read (the application registers it by scanning). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TemplatesProperties.class)
    @ComponentScan(basePackages = {"dev.authpack.policy", "dev.authpack.completeness"})
    static class Features {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Features.class);

    @Test
    void startsWithTheShippedTemplatesAndADefaultClock() {
        runner.withPropertyValues("authpack.templates.dir=templates").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PolicyCatalog.class).all()).hasSize(12);
            assertThat(context).hasSingleBean(Clock.class);
            assertThat(context.getBean(CompletenessService.class).check(CaseBuilder.complete().data()).complete()).isTrue();
        });
    }

    @Test
    void relativeFolderIsTheWorkingDirectorysNotTheClasspathsTemplates() {
        // the web UI keeps Thymeleaf views in classpath:templates; the setting must not resolve there
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TemplatesProperties.class).dir()).isEqualTo(Path.of("templates"));
        });
    }

    @Test
    void aMissingTemplatesFolderStopsStartUpWithThePath() {
        runner.withPropertyValues("authpack.templates.dir=no-such-folder").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(TemplateException.class)
                    .hasMessageContaining("no-such-folder");
        });
    }
}
