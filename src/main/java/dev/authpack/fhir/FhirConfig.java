package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one FHIR R4 context of the application. Building it scans the whole R4 model (seconds and
 * tens of megabytes), so it is made once and shared; it is thread-safe, parsers made from it are not.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfig {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // keep each resource's own id: fullUrls name entries, ids name resources in mapped/ignored
        context.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        context.getParserOptions().setStripVersionsFromReferences(false);
        return context;
    }
}
