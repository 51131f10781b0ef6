package dev.sessionledger.commons.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * How a service's code is laid out, checked on its compiled classes: packages depend one way (no
 * cycles, at any depth), services know nothing of HTTP, and resources read query parameters as
 * declared parameters, which the OpenAPI document then lists. A service's test extends it and names
 * its base package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureTest {

    private JavaClasses classes;

    /** The service's base package, such as {@code dev.sessionledger.threads}. */
    protected abstract String basePackage();

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void packages_depend_one_way() {
        slices().matching(basePackage() + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void services_know_nothing_of_http() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(classes);
    }

    @Test
    void resources_read_the_query_as_declared_parameters() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(UriInfo.class)
                .because("a parameter read by hand from the URI is missing from the OpenAPI document")
                .check(classes);
    }
}
