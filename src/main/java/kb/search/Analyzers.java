package kb.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** The analyzer used both to index and to query, per field. */
public final class Analyzers {

    private Analyzers() {
    }

    /** English analysis (stop words, possessives, Porter stemming) for text; exact for the rest. */
    public static Analyzer create() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(IndexFields.URL, new KeywordAnalyzer()));
    }
}
