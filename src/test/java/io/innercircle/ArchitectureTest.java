package io.innercircle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of the architecture: the map is the core and depends on no other feature; analysis is
 * pure (no database, no Spring in its algorithms) and only reads the map; features never form cycles.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.innercircle");

    @Test
    void theMapDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("io.innercircle.map..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.innercircle.analysis..", "io.innercircle.bundle..", "io.innercircle.assessment..",
                        "io.innercircle.plan..", "io.innercircle.history..", "io.innercircle.security..",
                        "io.innercircle.crm..", "io.innercircle.export..", "io.innercircle.web..")
                .check(CLASSES);
    }

    @Test
    void algorithmsAreFreeOfDatabaseAndSpring() {
        // Everything in analysis except its adapters (api: GraphQL; store: Cypher and the cache) is plain Java.
        noClasses().that().resideInAPackage("io.innercircle.analysis..")
                .and().resideOutsideOfPackages("io.innercircle.analysis.api..", "io.innercircle.analysis.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "io.innercircle.map..", "io.innercircle.bundle..", "io.innercircle.api..")
                .check(CLASSES);
    }

    @Test
    void theAnalysisAndTheAssessmentDoNotReadThePlan() {
        // The plan builds on the assessment and the analysis, never the other way round.
        noClasses().that().resideInAnyPackage("io.innercircle.analysis..", "io.innercircle.assessment..")
                .should().dependOnClassesThat().resideInAnyPackage("io.innercircle.plan..", "io.innercircle.bundle..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.innercircle.analysis..")
                .should().dependOnClassesThat().resideInAPackage("io.innercircle.assessment..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.innercircle.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
