package io.minyi.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Architecture rules every service keeps; each service applies them in an {@code ArchitectureTest}. */
public final class ArchitectureRules {

    /** Domain code is plain Java: no Spring, Kafka, MongoDB or service-support types. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "io.minyi.support..", "jakarta..")
            .allowEmptyShould(true);

    /** The feature packages of a service ({@code io.minyi.<service>.<feature>}) depend on each other without cycles. */
    @ArchTest
    public static final ArchRule FEATURES_FREE_OF_CYCLES = SlicesRuleDefinition.slices()
            .matching("io.minyi.(*).(*)..").namingSlices("$1 $2").should().beFreeOfCycles();

    /** A feature's domain never reaches out to its web, store or messaging adapters. */
    @ArchTest
    public static final ArchRule DOMAIN_KNOWS_NO_ADAPTERS = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..store..", "..messaging..")
            .allowEmptyShould(true);

    /** HTTP problems are made in the web layer and the features' application services, never in their domain. */
    @ArchTest
    public static final ArchRule NO_HTTP_PROBLEMS_IN_DOMAIN = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().haveSimpleName("ApiProblem").allowEmptyShould(true);

    private ArchitectureRules() {
    }
}
