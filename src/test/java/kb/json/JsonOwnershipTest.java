package kb.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Every JSON that leaves kb is written by {@link KbJson}: no other part of kb makes a Jackson
 * mapper, factory or generator of its own. Two mappers once wrote the same search results in two
 * shapes ({@code tookMs} from {@code kb search --json}, {@code took_ms} from the API).
 */
class JsonOwnershipTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("kb");

    @Test
    void onlyKbJsonHasAnObjectMapper() {
        noClasses().that().resideOutsideOfPackage("kb.json..")
                .should().dependOnClassesThat().areAssignableTo(ObjectMapper.class)
                .because("a mapper of its own is a JSON writer with rules of its own; use kb.json.KbJson")
                .check(MAIN);
    }

    @Test
    void onlyKbJsonAndJekyllsJsonifyWriteJsonByHand() {
        // Liquid's jsonify writes Ruby's JSON (its escapes, its float form), as Jekyll's pages
        // show it: a format of Jekyll's, not one of kb's own.
        noClasses().that().resideOutsideOfPackages("kb.json..", "kb.liquid..")
                .should().dependOnClassesThat().areAssignableTo(JsonFactory.class)
                .orShould().dependOnClassesThat().areAssignableTo(JsonGenerator.class)
                .because("JSON written by hand bypasses kb.json.KbJson")
                .check(MAIN);
    }
}
