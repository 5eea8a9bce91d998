package dev.rampart;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The one-way layering of style.md, written down so nobody has to remember it. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rampart");
    }

    @Test
    void domainDependsOnNothingOfOursAndNoFrameworks() {
        noClasses().that().resideInAPackage("dev.rampart.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.rampart.engine..", "dev.rampart.store..", "dev.rampart.spi..", "dev.rampart.adapters..",
                        "dev.rampart.format..", "dev.rampart.cli..", "dev.rampart.ui..", "dev.rampart.app..",
                        "javafx..", "com.fasterxml..", "java.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiTouchesJavaFx() {
        noClasses().that().resideInAnyPackage("dev.rampart.domain..", "dev.rampart.engine..", "dev.rampart.store..",
                        "dev.rampart.spi..", "dev.rampart.adapters..", "dev.rampart.format..", "dev.rampart.cli..",
                        "dev.rampart.evidence..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackages("dev.rampart.store..", "dev.rampart.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void storeDependsOnlyOnTheDomain() {
        noClasses().that().resideInAPackage("dev.rampart.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.engine..", "dev.rampart.spi..",
                        "dev.rampart.adapters..", "dev.rampart.format..", "dev.rampart.cli..", "dev.rampart.ui..",
                        "dev.rampart.app..")
                .check(classes);
    }

    @Test
    void engineDoesNotReachUpOrIntoTheStore() {
        noClasses().that().resideInAnyPackage("dev.rampart.engine..", "dev.rampart.spi..", "dev.rampart.format..",
                        "dev.rampart.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.store..", "dev.rampart.cli..",
                        "dev.rampart.ui..", "dev.rampart.app..")
                .check(classes);
    }

    @Test
    void adaptersSpeakThroughTheSpi() {
        noClasses().that().resideInAPackage("dev.rampart.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.engine..", "dev.rampart.store..",
                        "dev.rampart.cli..", "dev.rampart.ui..", "dev.rampart.app..")
                .check(classes);
    }

    @Test
    void theUiUsesTheEngineNotTheStore() {
        noClasses().that().resideInAPackage("dev.rampart.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.store..", "dev.rampart.cli..",
                        "dev.rampart.app..")
                .check(classes);
    }
}
