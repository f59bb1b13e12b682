package kb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import kb.search.IndexDocuments;
import kb.search.IndexFields;
import kb.search.SearchIndexer;
import kb.search.StoredDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IndexAlone writes the documents of an index again: the same documents, the same terms. */
class IndexAloneTest {

    @TempDir
    Path folder;

    @Test
    void writesTheSameDocumentsAndTermsAgain() throws Exception {
        Path index = folder.resolve("index");
        Path scratch = folder.resolve("scratch");
        writePages(index);

        IndexAlone.main(new String[] {"--index", index.toString(), "--scratch", scratch.toString()});

        assertThat(StoredDocuments.byUrl(scratch)).isEqualTo(StoredDocuments.byUrl(index)).hasSize(3);
        for (String field : new String[] {IndexFields.BODY, IndexFields.SPELL, IndexFields.TITLE}) {
            assertThat(termCount(scratch, field)).as(field).isEqualTo(termCount(index, field)).isPositive();
        }
    }

    @Test
    void leavesOutTheFieldsItIsToldTo() throws Exception {
        Path index = folder.resolve("index");
        Path scratch = folder.resolve("scratch");
        writePages(index);

        IndexAlone.main(new String[] {"--index", index.toString(), "--scratch", scratch.toString(),
            "--without", IndexFields.SPELL});

        assertThat(termCount(scratch, IndexFields.SPELL)).isZero();
        assertThat(termCount(scratch, IndexFields.BODY)).isEqualTo(termCount(index, IndexFields.BODY)).isPositive();
    }

    private static void writePages(Path index) {
        IndexDocuments documents = new IndexDocuments();
        try (SearchIndexer writer = new SearchIndexer(index)) {
            writer.put("/a/", documents.page("/a/", "Printing from Word", "The printer driver stops responding."));
            writer.put("/b/", documents.page("/b/", "Setup fails", "SETUP.EXE reports error 0x80070005 on start."));
            writer.put("/c/", documents.page("/c/", "About", "What this knowledge base holds."));
        }
    }

    /** How many times the field's terms occur in the index, all documents together (0: no such field). */
    private static long termCount(Path index, String field) throws IOException {
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            Terms terms = MultiTerms.getTerms(reader, field);
            return terms == null ? 0 : terms.getSumTotalTermFreq();
        }
    }
}
