package io.innercircle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
    void theVocabularyDependsOnNoFeature() {
        // The shared kernel sits under every feature, so it may not reach back into any of them.
        noClasses().that().resideInAPackage("io.innercircle.vocabulary..")
                .should().dependOnClassesThat().resideInAnyPackage("io.innercircle.map..", "io.innercircle.analysis..",
                        "io.innercircle.assessment..", "io.innercircle.plan..", "io.innercircle.bundle..",
                        "io.innercircle.history..", "io.innercircle.crm..", "io.innercircle.export..",
                        "io.innercircle.security..", "io.innercircle.api..", "io.innercircle.web..",
                        "org.springframework..", "org.neo4j..")
                .check(CLASSES);
    }

    @Test
    void algorithmsAreFreeOfDatabaseAndSpring() {
        // Everything in analysis except its adapters (internal.graphql: GraphQL; internal.store: Cypher and the cache) is plain Java.
        // Spring Modulith's @NamedInterface in package-info.java is a declaration of the module's boundary, not
        // Spring at run time, so it is allowed.
        noClasses().that().resideInAPackage("io.innercircle.analysis..")
                .and().resideOutsideOfPackage("io.innercircle.analysis.internal.graphql..")
                .and().resideOutsideOfPackage("io.innercircle.analysis.internal.store..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "io.innercircle.map..", "io.innercircle.bundle..", "io.innercircle.api..")
                        .and(not(resideInAPackage("org.springframework.modulith.."))))
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
    void everyDateAndTimestampComesFromTheOneClock() {
        // The app's Clock bean (UTC) is the only source of "now": a LocalDate.now() would follow the server's time
        // zone and give another "today" than the rest of the app around midnight, and tests could not drive it.
        noClasses().that().doNotHaveSimpleName("ClockConfiguration")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(Clock.class, "systemUTC").orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.innercircle.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
