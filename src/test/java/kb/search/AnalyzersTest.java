package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Exactly which terms the analyzers and the ID forms put in the index. */
class AnalyzersTest {

    private static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> english(String text) {
        return tokens(Analyzers.english(), IndexFields.BODY, text);
    }

    private static List<String> plain(String text) {
        return tokens(Analyzers.plain(), IndexFields.SPELL, text);
    }

    @Test
    void englishLowerCasesStemsAndDropsPossessivesAndStopWords() {
        // Porter stemming: "SMS" loses its final s like a plural ("sm") at index and query time
        // alike, so a search for SMS still finds it; "isn't" is not a stop word and stays whole.
        assertThat(english("Printing printers' resynchronization SMS 2.0 isn't"))
                .containsExactly("print", "printer", "resynchron", "sm", "2.0", "isn't");
    }

    @Test
    void englishDropsStopWords() {
        assertThat(english("The printer is not in the queue")).containsExactly("printer", "queue");
    }

    @Test
    void englishKeepsIdsAndVersionsWholeAndAddsTheNamePartsOfFileNames() {
        assertThat(english("Q319864 KB319864 kbSMS200 <stdio.h> Hinv.log version 6.0a C:\\WINNT\\system32"))
                .containsExactly("q319864", "kb319864", "kbsms200", "stdio.h", "stdio", "h", "hinv.log", "hinv", "log",
                        "version", "6.0a", "c", "winnt", "system32");
    }

    @Test
    void englishSplitsHyphenatedWordsAndColonsBeforeDigits() {
        assertThat(english("e-mail error:10054 Microsoft's")).containsExactly("e", "mail", "error", "10054", "microsoft");
    }

    @Test
    void plainKeepsUnstemmedLowerCaseWordsAndStopWords() {
        assertThat(plain("Printing printers' resynchronization SMS 2.0 isn't"))
                .containsExactly("printing", "printers", "resynchronization", "sms", "2.0", "isn't");
        assertThat(plain("The printer is not in the queue"))
                .containsExactly("the", "printer", "is", "not", "in", "the", "queue");
        assertThat(plain("Microsoft's")).containsExactly("microsoft's");
    }

    @Test
    void theIndexAnalyzerIsPlainForTheSpellFieldAndEnglishForEveryOtherField() {
        Analyzer analyzer = Analyzers.create();
        String text = "The Printers are Printing";

        assertThat(tokens(analyzer, IndexFields.SPELL, text)).containsExactly("the", "printers", "are", "printing");
        for (String field : IndexFields.TEXT_FIELDS) {
            assertThat(tokens(analyzer, field, text)).as(field).containsExactly("printer", "print");
        }
    }

    @Test
    void idFormsOfAnArticleId() {
        assertThat(IndexDocuments.idForms("Q319864")).containsExactly("q319864", "319864", "kb319864");
        assertThat(IndexDocuments.idForms("Q10054")).containsExactly("q10054", "10054", "kb10054");
    }

    @Test
    void idFormsOfAnIdWithLeadingZerosIncludeTheTrimmedForms() {
        assertThat(IndexDocuments.idForms("Q012345"))
                .containsExactly("q012345", "012345", "kb012345", "q12345", "12345", "kb12345");
    }

    @Test
    void anIdWithoutDigitsIsItsOwnOnlyForm() {
        assertThat(IndexDocuments.idForms("ABC")).containsExactly("abc");
    }

    @Test
    void englishAddsThePartsOfIdentifiersButKeepsWordsAndVersionsWhole() {
        assertThat(QueryBuilder.terms(Analyzers.english(), "MENU.COM VTS_UI1 isn't 2.0"))
                .containsExactly("menu.com", "menu", "com", "vts_ui1", "vt", "ui1", "isn't", "2.0");
        assertThat(QueryBuilder.terms(Analyzers.englishPhrases(), "MENU.COM VTS_UI1"))
                .containsExactly("menu.com", "vts_ui1");
    }
}
