package dev.rampart.store;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The store sees only the domain of ours, JDBC, Flyway, Jackson, H2's trigger API and its
 * re-encryption tool: no JavaFX, no engine, no UI. */
class StoreArchitectureTest {

    @Test
    void storeDependsOnlyOnTheDomainAndItsLibraries() {
        JavaClasses store = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rampart.store");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..", "dev.rampart.store..", "dev.rampart.domain..", "org.flywaydb.core..",
                        "org.h2.api..", "org.h2.tools..", "javax.sql..", "com.zaxxer.hikari..", "org.slf4j..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(store);
    }
}
