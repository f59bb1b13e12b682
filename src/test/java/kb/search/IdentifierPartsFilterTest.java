package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link IdentifierPartsFilter} gives, attribute by attribute, the stream of the chain it replaced
 * (a {@code ConditionalTokenFilter} around {@code WordDelimiterGraphFilter}, then
 * {@code FlattenGraphFilter}), kept here as {@link ReferenceAnalyzer}. Each input is compared
 * right after the split (where lower case and stop words cannot hide a difference) and through
 * the whole English chain, end state included.
 */
class IdentifierPartsFilterTest {

    /** One token, or the end state ({@code term} empty), with every attribute that can differ. */
    record Token(String term, int posInc, int posLen, int startOffset, int endOffset, String type) {
        @Override
        public String toString() {
            return term + "/" + posInc + "/" + posLen + "/" + startOffset + "-" + endOffset + "/" + type;
        }
    }

    /** The index-side chain before {@link IdentifierPartsFilter}, verbatim; {@code full = false} stops after the split. */
    static final class ReferenceAnalyzer extends Analyzer {
        private static final int FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

        private final boolean full;

        ReferenceAnalyzer(boolean full) {
            this.full = full;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = source;
            result = new IdentifierParts(result);
            result = new FlattenGraphFilter(result);
            if (full) {
                result = new EnglishPossessiveFilter(result);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new PorterStemFilter(result);
            }
            return new TokenStreamComponents(source, result);
        }

        private static final class IdentifierParts extends ConditionalTokenFilter {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            IdentifierParts(TokenStream in) {
                super(in, filtered -> new WordDelimiterGraphFilter(filtered, FLAGS, null));
            }

            @Override
            protected boolean shouldFilter() {
                if (term.length() == 0 || !Character.isLetter(term.charAt(0))) {
                    return false;
                }
                boolean letter = false;
                boolean joint = false;
                for (int i = 0; i < term.length(); i++) {
                    char c = term.charAt(i);
                    if (Character.isLetter(c)) {
                        letter = true;
                    } else if (c == '.' || c == '_' || c == '\\') {
                        joint = true;
                    } else if (c == '\'') {
                        return false;
                    }
                }
                return letter && joint;
            }
        }
    }

    /** The tokenizer and the new filter alone, to compare with {@code ReferenceAnalyzer(false)}. */
    private static final class SplitOnly extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new IdentifierPartsFilter(source));
        }
    }

    private final Analyzer referenceSplit = new ReferenceAnalyzer(false);
    private final Analyzer referenceFull = new ReferenceAnalyzer(true);
    private final Analyzer split = new SplitOnly();
    private final Analyzer full = new EnglishTextAnalyzer(true);

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute posLen = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), posInc.getPositionIncrement(), posLen.getPositionLength(),
                        offset.startOffset(), offset.endOffset(), type.type()));
            }
            ts.end();
            out.add(new Token(term.toString(), posInc.getPositionIncrement(), posLen.getPositionLength(),
                    offset.startOffset(), offset.endOffset(), type.type()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void assertSameStreams(String text) {
        assertThat(tokens(split, text)).as("split of %s", text).isEqualTo(tokens(referenceSplit, text));
        assertThat(tokens(full, text)).as("chain of %s", text).isEqualTo(tokens(referenceFull, text));
    }

    private static List<String> described(Analyzer analyzer, String text) {
        return tokens(analyzer, text).stream().map(Token::toString).toList();
    }

    @Test
    void aFileNameIsKeptWholeOverItsPartsWhichFollowAtItsPositionsWithItsOffsets() {
        assertThat(described(split, "run MENU.COM now")).containsExactly(
                "run/1/1/0-3/<ALPHANUM>",
                "MENU.COM/1/2/4-12/<ALPHANUM>", "MENU/0/1/4-12/<ALPHANUM>", "COM/1/1/4-12/<ALPHANUM>",
                "now/1/1/13-16/<ALPHANUM>",
                "/0/1/16-16/word");
    }

    @Test
    void aTrailingJointGivesTheWholeTokenAndOnePart() {
        assertThat(described(split, "ABC_")).containsExactly(
                "ABC_/1/1/0-4/<ALPHANUM>", "ABC/0/1/0-4/<ALPHANUM>", "/0/1/4-4/word");
    }

    @Test
    void versionsWordsWithApostrophesAndPlainWordsPassThrough() {
        assertThat(described(split, "6.0a isn't o'neil.txt word")).containsExactly(
                "6.0a/1/1/0-4/<ALPHANUM>", "isn't/1/1/5-10/<ALPHANUM>", "o'neil.txt/1/1/11-21/<ALPHANUM>",
                "word/1/1/22-26/<ALPHANUM>", "/0/1/26-26/word");
    }

    @Test
    void handWrittenInputsGiveTheReferenceStreams() {
        List<String> inputs = List.of(
                "",
                " ",
                "MENU.COM",
                "VTS_UI1",
                "Setup.exe",
                "Run Setup.exe from the CD.",
                "C:\\WINDOWS\\SYSTEM32\\file.dll",
                "copy C:\\WINNT\\system32\\drivers\\etc\\hosts to D:\\",
                "a.b.c.d",
                "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z",
                "ABC_ A__B x.y. _x x_ __init__ a_._b A..B A._B",
                "Win32.dll KB319864.exe v1.2b Q319864 kbSMS200 <stdio.h> Hinv.log",
                "Ä.ö ß_x Ärger.txt naïve.doc café_latte Ω.Σ привет.мир 日本.語 한국_어",
                "isn't o'neil.txt O'Neil's file.txt's Microsoft's MENU.COM's",
                "isn’t o’neil.txt d’Artagnan.ini",
                "2.0 6.0a 10.0.19041.1 v2.0 SP2.1 Windows 2000 3.5_beta",
                "www.microsoft.com http://support.microsoft.com/kb/319864 user@host.com first.last@mail.example.org",
                "System.Windows.Forms.Control.Invalidate Microsoft.Office.Interop.Excel._Application",
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows_NT\\CurrentVersion",
                "The MENU.COM and the CONFIG.SYS of a DOS.EXE are in the C_DRIVE",
                "to.be or.not to_be the.a a.the",
                "e-mail error:10054 x-y.z a-b_c",
                "x\u00ADy.z soft\u00ADhyphen_word a\u0301.b e\u0308_f a\u200Db.c",
                "x²_y ab¹.c a½.b a\u2460.b a\u0660.b a\u0966_b",
                "𝔘𝔫𝔦.𝔠𝔬𝔡𝔢 a𝟘.b 😀a.b a.😀 a😀.b",
                "Ⅻ.a ǅ.x ʰ_y",
                "file.TXT FILE.txt file.txt. .hidden file..txt",
                "word " + "x_".repeat(200) + "end",
                "a".repeat(300) + ".b " + "c.".repeat(200) + "d");
        for (String input : inputs) {
            assertSameStreams(input);
        }
    }

    @Test
    void generatedIdentifiersInSentencesGiveTheReferenceStreams() {
        Random random = new Random(16);
        for (int i = 0; i < 4000; i++) {
            StringBuilder sentence = new StringBuilder();
            int words = 1 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sentence.append(pick(random, SPACES));
                }
                sentence.append(random.nextInt(3) == 0 ? pick(random, WORDS) : identifier(random));
            }
            assertSameStreams(sentence.toString());
        }
    }

    private static final String[] SPACES = {" ", " ", " ", ", ", ". ", "\n", " (", ") ", " \"", "; "};
    private static final String[] WORDS = {
        "the", "a", "of", "is", "not", "and", "to", "in", "it", "Microsoft's", "isn't", "2.0", "6.0a",
        "file", "Windows", "error", "Q319864", "don't", "e-mail", "3,000", "12:30"
    };
    private static final String[] JOINTS = {
        ".", ".", ".", "_", "_", "\\", "-", ":", "/", "@", "'", "’", "..", "__", "._", "\u00AD", "·", "+", "#"
    };
    private static final String[] ALPHABETS = {
        "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "äöüßÄÖÜéèçñøåÆœ",
        "αβγδΩΣ", "абвгдЖЯ", "日本語中文", "한국어", "\u0301\u0308\u200D\u00AD", "²³¹½\u2460\u0660\u0966Ⅻ",
        "ǅʰ", "𝔘𝔫😀𝟘"
    };

    /** A token-like string: parts from random alphabets, joined and sometimes framed by joints. */
    private static String identifier(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(10) == 0) {
            out.append(pick(random, JOINTS));
        }
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 4);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                out.append(pick(random, JOINTS));
            }
            int length = 1 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                String alphabet = ALPHABETS[random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(ALPHABETS.length)];
                int at = alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())));
                out.appendCodePoint(alphabet.codePointAt(at));
            }
        }
        if (random.nextInt(8) == 0) {
            out.append(pick(random, JOINTS));
        }
        return out.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    @Test
    void corpusArticlesGiveTheReferenceStreams() throws IOException {
        Path sources = Path.of("/work/main/target/corpus/sources");
        Assumptions.assumeTrue(Files.isDirectory(sources),
                "no corpus at " + sources + ": the sample of articles is skipped");
        for (Path file : corpusSample(sources, 300)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertSameStreams(text);
        }
    }

    /** Every n-th Markdown file in path order, so the sample is the same on every run. */
    static List<Path> corpusSample(Path sources, int size) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int step = Math.max(1, files.size() / size);
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < files.size() && sample.size() < size; i += step) {
            sample.add(files.get(i));
        }
        return sample;
    }
}
