package dev.fapilog.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN section 3, enforced: each package may depend only on the packages to its left.
 *
 * <pre>
 * dev.fapilog (API) : JDK only
 * spi               : API
 * core              : API, SPI
 * json              : API, SPI, core
 * plug-ins          : API, SPI, core, json          (sink.*, redact, enrich, filter, bridge.*)
 * boot              : everything above              (assembles runtimes; the provider behind Fapilog)
 * cdi, jaxrs        : everything above + Jakarta APIs
 * </pre>
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fapilog");
    }

    @Test
    void apiDependsOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fapilog", "java..")
                .check(classes);
    }

    @Test
    void spiDependsOnApiOnly() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.spi")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fapilog", "dev.fapilog.spi", "java..")
                .check(classes);
    }

    @Test
    void coreDependsOnApiAndSpiOnly() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fapilog", "dev.fapilog.spi", "dev.fapilog.core..", "java..")
                .check(classes);
    }

    @Test
    void jsonDependsOnCoreAndBelow() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.json..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.fapilog", "dev.fapilog.spi", "dev.fapilog.core..", "dev.fapilog.json..", "java..")
                .check(classes);
    }

    @Test
    void pluginsDependOnJsonAndBelow() {
        classes()
                .that()
                .resideInAnyPackage(
                        "dev.fapilog.sink..",
                        "dev.fapilog.redact..",
                        "dev.fapilog.enrich..",
                        "dev.fapilog.filter..",
                        "dev.fapilog.process..",
                        "dev.fapilog.bridge..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.fapilog",
                        "dev.fapilog.spi",
                        "dev.fapilog.core..",
                        "dev.fapilog.json..",
                        "dev.fapilog.sink..",
                        "dev.fapilog.redact..",
                        "dev.fapilog.enrich..",
                        "dev.fapilog.filter..",
                        "dev.fapilog.process..",
                        "dev.fapilog.bridge..",
                        "java..")
                .check(classes);
    }

    @Test
    void nothingBelowTheIntegrationsKnowsJakarta() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.fapilog.cdi..", "dev.fapilog.jaxrs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "org.eclipse.microprofile..")
                .check(classes);
    }

    @Test
    void onlyBootAndIntegrationsAssembleRuntimes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.fapilog.boot..", "dev.fapilog.cdi..", "dev.fapilog.jaxrs..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.fapilog.boot..")
                .check(classes);
    }

    @Test
    void theCdiIntegrationLoadsJaxrsOnlyByName() {
        // So that a CDI application without JAX-RS never meets a JAX-RS type (IntegrationModules loads it by name).
        noClasses()
                .that()
                .resideInAPackage("dev.fapilog.cdi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.fapilog.jaxrs..", "jakarta.ws.rs..")
                .check(classes);
    }

    @Test
    void noImplOrUtilOrManagerNames() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .check(classes);
    }
}
