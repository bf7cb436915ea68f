package org.roundtable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The house stands on its own feet: the packages form no cycle (features sit on the comment core, the author
 * identity, the article's content and the web helpers, never the other way round), only {@code db} knows the
 * database engines, and a controller keeps to the HTTP with a handful of collaborators.
 */
@AnalyzeClasses(packages = "org.roundtable", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.roundtable.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyDbKnowsTheEngines = noClasses().that().resideOutsideOfPackage("org.roundtable.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..", "org.flywaydb..",
                    "org.apache.commons.dbcp2..");

    /**
     * A controller reads the request, chooses the status and answers; the work is a feature service's. One that
     * needs more than five collaborators is doing that work itself, or asking for things that belong together one
     * by one.
     */
    @ArchTest
    static final ArchRule controllersTakeAtMostFiveCollaborators = classes().that().haveSimpleNameEndingWith("Controller")
            .should(haveNoConstructorWithMoreParametersThan(5));

    private static ArchCondition<JavaClass> haveNoConstructorWithMoreParametersThan(int most) {
        return new ArchCondition<>("have no constructor with more than " + most + " parameters") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (JavaConstructor constructor : controller.getConstructors()) {
                    int parameters = constructor.getRawParameterTypes().size();
                    if (parameters > most) {
                        events.add(SimpleConditionEvent.violated(constructor, constructor.getFullName() + " takes "
                                + parameters + " collaborators, more than " + most));
                    }
                }
            }
        };
    }
}
