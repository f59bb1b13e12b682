package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingIdsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(value = {
            "Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization"
                    + " | q319864-sms-upgrade-to-sp4-does-not-cause-inventory-resynchronization",
            "Q108492: MS-DOS 6.0 & 6.2 Not Supported on Tandy 1000 and 1200HD"
                    + " | q108492-ms-dos-60--62-not-supported-on-tandy-1000-and-1200hd",
            "Q194082: TEST_RTS_AND_POST Does Not Work | q194082-test_rts_and_post-does-not-work",
            "PART 2\u2013Mouse/Keyboard Driver | part-2mousekeyboard-driver",
            "Error SU995034 -- Invalid | error-su995034--invalid",
            "A---B | ab",
            "A - B | a---b",
            "Don't \"Quote\" (Me)... | dont-quote-me",
            "Caf\u00e9 \u00dcber | caf\u00e9-\u00fcber",
            "tab\there | tab-here",
    }, delimiter = '|')
    void slugMatchesKramdownGfm(String heading, String id) {
        assertThat(HeadingIds.slug(HeadingIds.typographic(heading))).isEqualTo(id);
    }

    @Test
    void slugOfPunctuationOnlyIsEmpty() {
        assertThat(HeadingIds.slug("!?&.")).isEmpty();
    }

    @Test
    void slugKeepsLeadingAndTrailingSpacesAsDashes() {
        assertThat(HeadingIds.slug(" a ")).isEqualTo("-a-");
    }

    @Test
    void combiningMarksAreKept() {
        assertThat(HeadingIds.slug("e\u0301t\u00e9")).isEqualTo("e\u0301t\u00e9");
    }

    @Test
    void spacingCombiningMarksAreKept() {
        // kramdown removes /[^\p{Word}\- \t]/; Ruby's \p{Word} holds every mark (Mn, Mc, Me), so
        // the Devanagari vowel signs U+093F and U+0940 (category Mc) stay in the id.
        assertThat(HeadingIds.slug("\u0939\u093f\u0928\u094d\u0926\u0940"))
                .isEqualTo("\u0939\u093f\u0928\u094d\u0926\u0940");
    }

    @Test
    void repeatedHeadingsGetNumberedSuffixes() {
        HeadingIds ids = new HeadingIds();

        assertThat(ids.next("Symptoms")).isEqualTo("symptoms");
        assertThat(ids.next("Cause")).isEqualTo("cause");
        assertThat(ids.next("Symptoms")).isEqualTo("symptoms-1");
        assertThat(ids.next("SYMPTOMS")).isEqualTo("symptoms-2");
        assertThat(ids.next("Cause")).isEqualTo("cause-1");
    }

    @Test
    void suffixedIdsAreRemembered() {
        HeadingIds ids = new HeadingIds();

        assertThat(ids.next("A")).isEqualTo("a");
        assertThat(ids.next("A")).isEqualTo("a-1");
        assertThat(ids.next("A-1")).isEqualTo("a-1-1");
    }

    @Test
    void eachInstanceCountsOnItsOwn() {
        HeadingIds first = new HeadingIds();
        HeadingIds second = new HeadingIds();

        first.next("A");

        assertThat(second.next("A")).isEqualTo("a");
    }
}
