package dev.fapilog.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN section 3, enforced: each package may depend only on the packages named for it.
 *
 * <pre>
 * dev.fapilog (API) : JDK only
 * spi               : API
 * config            : API, SPI
 * core              : API, SPI, config's engine settings records (no keys, no problem codes)
 * plug-ins          : API, SPI, config; each only its own package (sink.*, redact, enrich, filter, process, bridge.*)
 * testing           : API, SPI
 * boot              : everything above              (assembles runtimes; the provider behind Fapilog)
 * cdi, jaxrs        : API, SPI, config, boot + Jakarta APIs; never core
 * </pre>
 */
class ArchitectureTest {
    private static final List<String> PLUGIN_PACKAGES = List.of(
            "dev.fapilog.sink.file",
            "dev.fapilog.sink.http",
            "dev.fapilog.sink.stdout",
            "dev.fapilog.redact",
            "dev.fapilog.enrich",
            "dev.fapilog.filter",
            "dev.fapilog.process");

    /** Bridges from other logging APIs: plug-ins by their dependencies, but public (a JUL handler is named by class). */
    private static final List<String> BRIDGE_PACKAGES = List.of("dev.fapilog.bridge.jul");

    /** What core may know of config: the typed records of the engine's settings, never keys or plug-in options. */
    private static final String[] CONFIG_FOR_CORE = {
        "dev.fapilog.config.EngineSettings",
        "dev.fapilog.config.EngineSettings$SinkDelivery",
        "dev.fapilog.config.ValueLimits",
        "dev.fapilog.config.BackpressurePolicy",
        "dev.fapilog.config.RedactionFailMode"
    };

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
    void configDependsOnApiAndSpiOnly() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.config")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fapilog", "dev.fapilog.spi", "dev.fapilog.config", "java..")
                .check(classes);
    }

    @Test
    void coreSeesOnlyTheEngineSettingsOfConfig() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.fapilog", "dev.fapilog.spi", "dev.fapilog.config", "dev.fapilog.core..", "java..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.fapilog.core..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "config classes other than the engine's settings records",
                        (JavaClass c) -> c.getPackageName().equals("dev.fapilog.config")
                                && !Set.of(CONFIG_FOR_CORE).contains(c.getName())))
                .check(classes);
    }

    @Test
    void eachPluginKnowsApiSpiAndConfigOnlyNeverCoreNorAnotherPlugin() {
        List<String> packages = new java.util.ArrayList<>(PLUGIN_PACKAGES);
        packages.addAll(BRIDGE_PACKAGES);
        for (String plugin : packages) {
            classes()
                    .that()
                    .resideInAPackage(plugin)
                    .should()
                    .onlyDependOnClassesThat()
                    // JDK only beyond the API, SPI and config (javax.crypto and javax.net.ssl are java.base's: the
                    // webhook's HMAC, TLS trust)
                    .resideInAnyPackage(
                            "dev.fapilog",
                            "dev.fapilog.spi",
                            "dev.fapilog.config",
                            plugin,
                            "java..",
                            "javax.crypto..",
                            "javax.net.ssl..")
                    .check(classes);
        }
    }

    @Test
    void aPluginPackageExportsOnlyItsProviders() {
        // The plug-ins themselves are reached through their providers; TraceParent (the W3C header parser) is shared
        // with the JAX-RS integration, which reads the same header.
        classes()
                .that()
                .resideInAnyPackage(PLUGIN_PACKAGES.toArray(new String[0]))
                .and()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should()
                .haveSimpleNameEndingWith("Provider")
                .orShould()
                .haveFullyQualifiedName("dev.fapilog.enrich.TraceParent")
                .check(classes);
    }

    @Test
    void theTestKitKnowsApiAndSpiOnly() {
        classes()
                .that()
                .resideInAPackage("dev.fapilog.testing")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fapilog", "dev.fapilog.spi", "dev.fapilog.testing", "java..")
                .check(classes);
    }

    @Test
    void theIntegrationsUseApiAndBootNotCore() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.fapilog.cdi..", "dev.fapilog.jaxrs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.fapilog.core..")
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
    void coreExportsOnlyWhatBootNeeds() {
        Set<String> exported = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().equals("dev.fapilog.core")
                    && c.getModifiers().contains(JavaModifier.PUBLIC)
                    && !c.isNestedClass()) {
                exported.add(c.getSimpleName());
            }
        }
        assertThat(exported)
                .as("the engine's public types: everything else is package-private")
                .containsExactlyInAnyOrder(
                        "CoreRuntime", "PipelineParts", "NamedSink", "PipelineThreadFactory", "PipelineStartException");
    }

    @Test
    void noMainSourceFileIsOver450Lines() throws java.io.IOException {
        List<String> long_ = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files =
                java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>)
                    files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                int lines = java.nio.file.Files.readAllLines(f).size();
                if (lines > 450) {
                    long_.add(f + " (" + lines + " lines)");
                }
            }
        }
        assertThat(long_)
                .as("a file this long does more than one job; split it")
                .isEmpty();
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
