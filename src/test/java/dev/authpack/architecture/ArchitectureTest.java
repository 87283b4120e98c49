package dev.authpack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.authpack.web.FormOnPage;
import dev.authpack.web.PageController;
import jakarta.persistence.Entity;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The package structure as enforced rules: features keep their insides to themselves, and the
 * habits that leak patient data or lose cents fail the build.
 */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.authpack");

    /**
     * The one picture of the code: which top-level package may use which. The case model sits at the
     * bottom (above the value types and the cross-cutting security, audit, web and content pieces),
     * features above it, and {@code desk} — the pages that compose several features — on top. A new
     * feature adds its line here; a package missing from this map fails the build.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("content", Set.of("core")),
            Map.entry("security", Set.of("core")),
            Map.entry("audit", Set.of("core", "security")),
            Map.entry("web", Set.of("core", "security")),
            Map.entry("casefile", Set.of("core", "security", "audit", "web")),
            // the OpenAPI description's shared parts; schemas of raw-JSON endpoints come from the case model
            Map.entry("apidoc", Set.of("core", "casefile", "authorization")),
            Map.entry("policy", Set.of("core", "content", "casefile")),
            Map.entry("completeness", Set.of("core", "casefile", "policy")),
            Map.entry("rendering", Set.of("core", "content")),
            Map.entry("generation", Set.of()),
            Map.entry("document", Set.of("core", "security", "audit", "web", "casefile", "rendering")),
            Map.entry("attachment", Set.of("core", "security", "audit", "web", "casefile", "rendering")),
            Map.entry("estimate", Set.of("core", "content", "security", "audit", "web", "casefile", "policy",
                    "rendering", "generation", "document")),
            Map.entry("packet", Set.of("core", "security", "audit", "web", "casefile", "policy", "completeness",
                    "rendering", "generation", "document", "attachment")),
            // policy for the drug catalog's names: an RxNorm display is read as the catalog's drug (docs/fhir.md);
            // authorization for the case as the API shows it (its read-only authorization) in the import's answer
            Map.entry("fhir", Set.of("core", "security", "audit", "web", "casefile", "policy", "document",
                    "authorization")),
            // the lifecycle after the packet (issue #14): events, worklist, renewal; the appeal packet on top of it
            Map.entry("authorization", Set.of("core", "security", "audit", "web", "casefile", "document")),
            Map.entry("appeal", Set.of("core", "security", "audit", "web", "casefile", "completeness", "rendering",
                    "document", "packet", "authorization")),
            // several instances, scheduled jobs, backups: above the audit trail, below every feature
            Map.entry("operations", Set.of("core", "security", "audit")),
            // answers kept for API writes sent with an Idempotency-Key; sits in front of every feature's endpoints
            Map.entry("idempotency", Set.of("security", "audit", "web")),
            // policy versions uploaded by an administrator, and what they change for open cases (issue #11)
            Map.entry("policyupload", Set.of("core", "content", "security", "audit", "web", "casefile", "policy",
                    "completeness", "authorization")),
            // the clinic profile: facility, billing line and prescribers a new case starts with (issue #17.3)
            Map.entry("clinic", Set.of("core", "security", "audit", "web", "casefile")),
            Map.entry("desk", Set.of("core", "content", "security", "audit", "web", "casefile", "policy",
                    "completeness", "rendering", "document", "attachment", "estimate", "packet", "authorization",
                    "policyupload", "clinic")));

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : APP) {
            String from = feature(c);
            if (from == null) {
                continue; // the application class wires everything
            }
            if (!ALLOWED.containsKey(from)) {
                violations.add("package dev.authpack." + from + " is not in ArchitectureTest.ALLOWED: add its line");
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(d.getTargetClass());
                if (to != null && !to.equals(from) && !ALLOWED.get(from).contains(to)) {
                    violations.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).as("dependencies against the allowed direction").isEmpty();
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("dev.authpack.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void theAllowedDirectionItselfHasNoCycle() {
        for (String start : ALLOWED.keySet()) {
            assertThat(reachable(start)).as("%s reaches itself through ALLOWED", start).doesNotContain(start);
        }
    }

    private static Set<String> reachable(String start) {
        Set<String> seen = new TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(ALLOWED.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(ALLOWED.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /** The top-level package under dev.authpack, or null for classes outside one (the application, libraries). */
    private static String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("dev.authpack.")) {
            return null;
        }
        String rest = pkg.substring("dev.authpack.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void coreValueTypesDependOnNoFeature() {
        noClasses().that().resideInAPackage("dev.authpack.core").should().dependOnClassesThat()
                .resideInAnyPackage("dev.authpack.casefile..", "dev.authpack.policy..", "dev.authpack.completeness..",
                        "dev.authpack.packet..", "dev.authpack.estimate..", "dev.authpack.document..",
                        "dev.authpack.attachment..", "dev.authpack.audit..", "dev.authpack.security..",
                        "dev.authpack.rendering..", "dev.authpack.web..", "dev.authpack.fhir..")
                .check(APP);
    }

    @Test
    void entitiesStayInsideTheirFeature() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic()
                .because("entities are never bound from requests nor handed to other features")
                .check(APP);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().notBePublic().check(APP);
    }

    /**
     * A page form's value that does not bind ("maybe" for a boolean, a file sent for a text field of a multipart form)
     * goes back to the form's page naming the field (FormOnPage, PageErrorHandler), never to a bare 400 page: every
     * page handler that binds such a value names its page, and its controller is a page controller.
     */
    @Test
    void everyPageFormWithAValueThatMayNotBindNamesItsPage() {
        Set<String> unnamed = new TreeSet<>();
        for (JavaClass c : APP) {
            if (!c.isAnnotatedWith(Controller.class)) {
                continue;
            }
            for (Method m : c.reflect().getDeclaredMethods()) {
                List<Class<?>> bound = Arrays.stream(m.getParameters())
                        .filter(p -> p.isAnnotationPresent(RequestParam.class)).<Class<?>>map(Parameter::getType).toList();
                boolean typed = bound.stream().anyMatch(t -> t != String.class && t != MultipartFile.class
                        && !Map.class.isAssignableFrom(t));
                boolean fileAndText = bound.contains(MultipartFile.class) && bound.contains(String.class);
                if ((typed || fileAndText)
                        && !(m.isAnnotationPresent(FormOnPage.class) && c.isAnnotatedWith(PageController.class))) {
                    unnamed.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(unnamed).as("page handlers binding a value that may not bind, without @FormOnPage on a "
                + "@PageController").isEmpty();
    }

    @Test
    void dependenciesComeThroughConstructors() {
        noFields().should().beAnnotatedWith(Autowired.class).check(APP);
    }

    @Test
    void moneyIsNeverABinaryFloatingPoint() {
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage("dev.authpack.estimate..", "dev.authpack.core..")
                .should().haveRawType(double.class).orShould().haveRawType(Double.class).orShould()
                .haveRawType(float.class).check(APP);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("dev.authpack.estimate..")
                .should().haveRawReturnType(double.class).check(APP);
    }

    @Test
    void nothingWritesToStandardStreamsWherePatientDataCouldLeak() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(APP);
    }
}
