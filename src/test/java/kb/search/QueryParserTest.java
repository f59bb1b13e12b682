package kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search-box syntax taken apart: which list each part lands in. */
class QueryParserTest {

    private final QueryParser parser = new QueryParser();

    private ParsedQuery parse(String text) {
        return parser.parse(text);
    }

    @Test
    void plainWordsInOrder() {
        ParsedQuery q = parse("  Printer   spooler\tstops ");

        assertThat(q.words()).containsExactly("Printer", "spooler", "stops");
        assertThat(q.phrases()).isEmpty();
        assertThat(q.excluded()).isEmpty();
        assertThat(q.prefixes()).isEmpty();
        assertThat(q.filters()).isEmpty();
        assertThat(q.ids()).isEmpty();
        assertThat(q.hasText()).isTrue();
    }

    @Test
    void emptyQuery() {
        ParsedQuery q = parse("   ");

        assertThat(q.words()).isEmpty();
        assertThat(q.hasText()).isFalse();
    }

    @Test
    void quotedPhrasesAreStrippedAndKeptAsTyped() {
        ParsedQuery q = parse("spooler \"Access Denied\" stops \"  padded phrase \" \"\"");

        assertThat(q.phrases()).containsExactly("Access Denied", "padded phrase");
        assertThat(q.words()).containsExactly("spooler", "stops");
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        ParsedQuery q = parse("spooler \"access denied by the");

        assertThat(q.words()).containsExactly("spooler");
        assertThat(q.phrases()).containsExactly("access denied by the");
    }

    @Test
    void minusExcludesWordsAndPhrases() {
        ParsedQuery q = parse("printer -spooler -\"access denied\" -Q319864");

        assertThat(q.words()).containsExactly("printer");
        assertThat(q.excluded()).containsExactly("spooler", "access denied", "Q319864");
        assertThat(q.ids()).as("an excluded ID is not asked for").isEmpty();
    }

    @Test
    void aMinusAloneIsAWordNotAnExclusion() {
        assertThat(parse("-").words()).containsExactly("-");
        assertThat(parse("-").excluded()).isEmpty();
        ParsedQuery q = parse("printer - spooler");
        assertThat(q.words()).containsExactly("printer", "-", "spooler");
        assertThat(q.excluded()).isEmpty();
    }

    @Test
    void aTrailingStarMakesALowerCasePrefixOfAtLeastTwoCharacters() {
        ParsedQuery q = parse("Resync* a* inv*");

        assertThat(q.prefixes()).containsExactly("resync", "inv");
        assertThat(q.words()).as("too short to be a prefix").containsExactly("a*");
        assertThat(q.hasText()).isTrue();
    }

    @Test
    void everyFilterLandsUnderItsFieldWithItsValueAsTyped() {
        ParsedQuery q = parse("product:sms type:kbbug year:2001 keyword:kbprint tech:kbSMS200 os:winnt "
                + "version:2.0 code:sms");

        assertThat(q.filters()).containsOnly(
                entry(IndexFields.PRODUCT, List.of("sms")),
                entry(IndexFields.ISSUE_TYPE, List.of("kbbug")),
                entry(IndexFields.YEAR, List.of("2001")),
                entry(IndexFields.KEYWORDS, List.of("kbprint")),
                entry(IndexFields.TECHNOLOGY, List.of("kbSMS200")),
                entry(IndexFields.OS, List.of("winnt")),
                entry(IndexFields.VERSIONS, List.of("2.0")),
                entry(IndexFields.PRODUCT_CODE, List.of("sms")));
        assertThat(q.words()).isEmpty();
        assertThat(q.hasText()).as("filters alone are not text").isFalse();
    }

    @Test
    void filterAliasesAndUpperCaseNames() {
        ParsedQuery q = parse("issue:kbprb keywords:kbprint technology:kbVC600 PRODUCT:exchange Year:1999");

        assertThat(q.filters()).containsOnly(
                entry(IndexFields.ISSUE_TYPE, List.of("kbprb")),
                entry(IndexFields.KEYWORDS, List.of("kbprint")),
                entry(IndexFields.TECHNOLOGY, List.of("kbVC600")),
                entry(IndexFields.PRODUCT, List.of("exchange")),
                entry(IndexFields.YEAR, List.of("1999")));
    }

    @Test
    void aRepeatedFilterKeepsEveryValue() {
        assertThat(parse("year:2001 year:2002").filters())
                .containsOnly(entry(IndexFields.YEAR, List.of("2001", "2002")));
    }

    @Test
    void aQuotedFilterValueMayHoldSpaces() {
        ParsedQuery q = parse("product:\"Microsoft Exchange\" mailbox quota");

        assertThat(q.filters()).containsOnly(entry(IndexFields.PRODUCT, List.of("Microsoft Exchange")));
        assertThat(q.words()).containsExactly("mailbox", "quota");
        assertThat(q.phrases()).isEmpty();
    }

    @Test
    void anUnterminatedQuotedFilterValueRunsToTheEnd() {
        ParsedQuery q = parse("mailbox product:\"Microsoft Exchange Server");

        assertThat(q.filters()).containsOnly(entry(IndexFields.PRODUCT, List.of("Microsoft Exchange Server")));
        assertThat(q.words()).containsExactly("mailbox");
    }

    @Test
    void anUnknownPrefixStaysAWord() {
        ParsedQuery q = parse("error:10054 http://example.com/");

        assertThat(q.words()).containsExactly("error:10054", "http://example.com/");
        assertThat(q.filters()).isEmpty();
        assertThat(q.ids()).isEmpty();
    }

    @Test
    void aFilterWithoutValueStaysAWord() {
        ParsedQuery q = parse("year: spooler");

        assertThat(q.words()).containsExactly("year:", "spooler");
        assertThat(q.filters()).isEmpty();
    }

    @Test
    void aNegatedFilterIsNotAPositiveFilter() {
        ParsedQuery q = parse("-product:sms -type:kbbug");

        assertThat(q.filters()).doesNotContainKeys(IndexFields.PRODUCT, IndexFields.ISSUE_TYPE);
    }

    @Test
    void aBareNumberIsAnIdWhenItIsTheWholeQuery() {
        ParsedQuery q = parse(" 319864 ");

        assertThat(q.ids()).containsExactly("319864");
        assertThat(q.words()).as("also searched as a word").containsExactly("319864");
    }

    @Test
    void aBareNumberAmongOtherWordsIsJustANumber() {
        assertThat(parse("error 10054").ids()).isEmpty();
        assertThat(parse("10054 error").ids()).isEmpty();
        assertThat(parse("10054 \"connection reset\"").ids()).isEmpty();
        assertThat(parse("10054 conn*").ids()).isEmpty();
        assertThat(parse("\"10054\"").ids()).isEmpty();
    }

    @Test
    void aBareNumberIsAnIdOnlyWithFourToSevenDigits() {
        assertThat(parse("123").ids()).isEmpty();
        assertThat(parse("1234").ids()).containsExactly("1234");
        assertThat(parse("1234567").ids()).containsExactly("1234567");
        assertThat(parse("12345678").ids()).isEmpty();
        assertThat(parse("2.0").ids()).isEmpty();
    }

    @Test
    void prefixedIdsAnywhereInTheQueryLowerCased() {
        ParsedQuery q = parse("spooler Q319864 stops KB812100 q10054 kb900101");

        assertThat(q.ids()).containsExactly("q319864", "kb812100", "q10054", "kb900101");
        assertThat(q.words()).containsExactly("spooler", "Q319864", "stops", "KB812100", "q10054", "kb900101");
    }

    @Test
    void prefixedIdsNextToPunctuation() {
        assertThat(parse("Q319864: SMS: Upgrade").ids()).containsExactly("q319864");
        assertThat(parse("see Q319864.").ids()).containsExactly("q319864");
        assertThat(parse("(KB319864)").ids()).containsExactly("kb319864");
        assertThat(parse("Q319864, Q900101").ids()).containsExactly("q319864", "q900101");
    }

    @Test
    void tokensThatOnlyLookLikeIdsAreNotIds() {
        assertThat(parse("Q12 KB123 Q12345678 QA319864 sp4").ids()).isEmpty();
    }
}
