package io.minyi.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Architecture rules every service keeps; each service applies them in an {@code ArchitectureTest}. */
public final class ArchitectureRules {

    /** Domain code is plain Java: no Spring, Kafka, MongoDB or service-support types. */
    public static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "io.minyi.support..", "jakarta..")
            .allowEmptyShould(true);

    private ArchitectureRules() {
    }
}
