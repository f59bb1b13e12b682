package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The title rescorer ranks alike on an index in several segments (as an incremental build leaves
 * it, and as the server reopens it after each rebuild) and on the same index in one segment.
 */
class TitleRescorerSegmentsTest {

    private static final List<String> TITLES = List.of(
            "Contents of NNTP Service Release Notes", "Release Notes for Windows NT", "NNTP Service Stops",
            "How to Read the Release Notes", "Contents of the Resource Kit", "Service Pack Release Notes",
            "Printer Driver Release Notes", "NNTP Contents Listing", "Notes on Service Contents");

    @TempDir
    Path tmp;

    /** The titles, a commit every {@code perSegment} of them, never merged. */
    private DirectoryReader index(String name, int perSegment) throws IOException {
        FSDirectory dir = FSDirectory.open(tmp.resolve(name));
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analyzers.create())
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < TITLES.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(IndexFields.TITLE, TITLES.get(i), Field.Store.YES));
                writer.addDocument(doc);
                if ((i + 1) % perSegment == 0) {
                    writer.commit();
                }
            }
            writer.commit();
        }
        return DirectoryReader.open(dir);
    }

    private static TopDocs rescore(DirectoryReader reader, Set<String> stems) throws IOException {
        ScoreDoc[] all = new ScoreDoc[TITLES.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = new ScoreDoc(i, 10f - i * 0.1f);
        }
        return new TitleRescorer(reader).rescore(new TopDocs(new TotalHits(all.length, TotalHits.Relation.EQUAL_TO), all), stems);
    }

    @Test
    void severalSegmentsRankAsOne() throws IOException {
        try (DirectoryReader split = index("split", 3); DirectoryReader whole = index("whole", TITLES.size())) {
            assertThat(split.leaves()).hasSize(3);
            assertThat(whole.leaves()).hasSize(1);
            for (Set<String> stems : List.of(Set.of("content", "releas", "note"), Set.of("nntp", "servic"), Set.of("note"))) {
                ScoreDoc[] a = rescore(split, stems).scoreDocs;
                ScoreDoc[] b = rescore(whole, stems).scoreDocs;
                assertThat(a).hasSameSizeAs(b);
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i].doc).as("rank " + i + " for " + stems).isEqualTo(b[i].doc);
                    assertThat(a[i].score).as("score at rank " + i + " for " + stems).isEqualTo(b[i].score);
                }
                assertThat(a[0].score).as("rescored").isGreaterThan(10f);
            }
        }
    }
}
