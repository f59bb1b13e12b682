package kb.diag;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only the commands make a {@link Diagnostics} collector; every other part of kb reports into the
 * one it is given (or a child of it). A stage that made its own collector threw away what it
 * found: {@code kb verify --source} once said "nothing lost" while skipping an article whose
 * diagnostics went into such a collector.
 */
class DiagnosticsOwnershipTest {

    @Test
    void onlyTheCommandsMakeADiagnosticsCollector() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("kb");

        noClasses().that().resideOutsideOfPackages("kb.cli..", "kb.diag..")
                .should().callConstructorWhere(target(owner(describe("Diagnostics",
                        (JavaClass c) -> c.isEquivalentTo(Diagnostics.class)))))
                .because("a collector made outside the commands is a collector whose findings nobody prints")
                .check(main);
    }
}
