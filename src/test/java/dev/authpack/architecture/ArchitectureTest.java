package dev.authpack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package structure as enforced rules: features keep their insides to themselves, and the
 * habits that leak patient data or lose cents fail the build.
 */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.authpack");

    @Test
    void coreValueTypesDependOnNoFeature() {
        noClasses().that().resideInAPackage("dev.authpack.core").should().dependOnClassesThat()
                .resideInAnyPackage("dev.authpack.casefile..", "dev.authpack.policy..", "dev.authpack.completeness..",
                        "dev.authpack.packet..", "dev.authpack.estimate..", "dev.authpack.document..",
                        "dev.authpack.attachment..", "dev.authpack.audit..", "dev.authpack.security..",
                        "dev.authpack.rendering..", "dev.authpack.web..")
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
