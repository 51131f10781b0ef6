package dev.sessionledger.commons;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The packages of service-commons depend one way. */
class CommonsArchitectureTest {

    @Test
    void packages_depend_one_way() {
        slices().matching("dev.sessionledger.commons.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.sessionledger.commons"));
    }
}
