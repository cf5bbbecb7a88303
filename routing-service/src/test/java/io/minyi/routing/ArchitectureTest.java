package io.minyi.routing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.minyi.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.minyi.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every rule of {@link ArchitectureRules}: framework-free domain, no adapters or HTTP problems in it, no cycles. */
    @ArchTest
    static final ArchTests minyiRules = ArchTests.in(ArchitectureRules.class);
}
