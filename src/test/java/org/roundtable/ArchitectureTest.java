package org.roundtable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house stands on its own feet: the packages form no cycle (features sit on the comment core, the author
 * identity, the article's content and the web helpers, never the other way round), and only {@code db} knows the
 * database engines.
 */
@AnalyzeClasses(packages = "org.roundtable", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.roundtable.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyDbKnowsTheEngines = noClasses().that().resideOutsideOfPackage("org.roundtable.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..", "org.flywaydb..",
                    "org.apache.commons.dbcp2..");
}
