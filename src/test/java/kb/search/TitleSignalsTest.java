package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The title signals of ranking on small indexes of titles alone: words as written, the share of
 * the title a query makes ({@link TitleCoverage}), and the rarity of what it leaves out
 * ({@link TitleRescorer}).
 */
class TitleSignalsTest {

    @TempDir
    Path dir;

    /** Writes one document per title, in order (document {@code i} is title {@code i}); the text is the title. */
    private Path index(String... titles) {
        return index(List.of(titles), List.of(titles));
    }

    /** Writes one document per title, with the text of the same position. */
    private Path index(List<String> titles, List<String> bodies) {
        Path index = dir.resolve("index");
        try (SearchIndexer indexer = new SearchIndexer(index)) {
            for (int i = 0; i < titles.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField(IndexFields.KIND, "article", Field.Store.NO));
                String id = "Q" + (800_100 + i);
                doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
                IndexDocuments.idForms(id).forEach(f -> doc.add(new StringField(IndexFields.ID_FORMS, f, Field.Store.NO)));
                doc.add(new StringField(IndexFields.URL, "/kb/" + id + "/", Field.Store.YES));
                doc.add(new TextField(IndexFields.TITLE, titles.get(i), Field.Store.YES));
                doc.add(new TextField(IndexFields.TITLE_WORDS, titles.get(i), Field.Store.NO));
                doc.add(new TextField(IndexFields.BODY, bodies.get(i), Field.Store.YES));
                doc.add(new TextField(IndexFields.SPELL, titles.get(i) + "\n" + bodies.get(i), Field.Store.NO));
                indexer.add(doc);
            }
        }
        return index;
    }

    @Test
    void wordsAsTypedOutrankOtherFormsOfTheirStems() {
        // Same stems, same length; "Used" comes first in the index, "Using" is what was typed.
        try (SearchService search = new SearchService(index(
                "Extensions Used with Visual C++ Projects", "Rebuilds Using Visual C++ Projects"))) {
            List<String> ids = search.search(SearchRequest.of("Using C Visual", 10)).hits().stream().map(SearchHit::id).toList();
            assertThat(ids).containsExactly("Q800101", "Q800100");
        }
    }

    @Test
    void wordsTogetherInTheTextDoNotOutweighAllOfThemInAShortTitle() {
        // The longer title's text repeats "event log in Visual Basic"; the short title names every
        // word the query has ("Logging" as typed) and little else: the one being recalled.
        List<String> titles = new ArrayList<>(List.of(
                "Back Up the NT Event Log in Visual Basic",
                "Event Logging in Visual Basic"));
        List<String> bodies = new ArrayList<>(List.of(
                "To back up the event log in Visual Basic, call BackupEventLog. Backing up the event log in "
                        + "Visual Basic needs the backup privilege. The event log in Visual Basic sample follows.",
                "Applications can write entries to the Windows NT event log. This article describes the "
                        + "logging functions available to Visual Basic programs."));
        for (int i = 0; i < 20; i++) {
            titles.add("Visual Basic Setup Error " + i);
            bodies.add("Setup of Visual Basic stops with error " + i + " when the disk is full.");
        }
        index(titles, bodies);
        try (SearchService search = new SearchService(dir.resolve("index"))) {
            List<String> ids = search.search(SearchRequest.of("Event Logging Visual Basic", 10)).hits().stream()
                    .map(SearchHit::id).toList();
            assertThat(ids).startsWith("Q800101", "Q800100");
        }
    }

    @Test
    void coverageIsTheQuerysShareOfTheTitle() throws IOException {
        index("Remote Control Fails", "Remote Control Fails on Token Ring Networks", "Remote");
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir.resolve("index")))) {
            LeafReaderContext leaf = reader.leaves().get(0);
            DoubleValues values = new TitleCoverage(3).getValues(leaf, null);
            List<Double> coverage = new ArrayList<>();
            for (int doc = 0; doc < 3; doc++) {
                assertThat(values.advanceExact(doc)).isTrue();
                coverage.add(values.doubleValue());
            }
            // 3 of 3 words; 3 of 6 ("on" is a stop word); never above 1 for a shorter title.
            assertThat(coverage).containsExactly(1.0, 0.5, 1.0);
        }
    }

    @Test
    void aTitleWithARareWordTheQueryLacksMovesDown() throws IOException {
        List<String> titles = new ArrayList<>(List.of(
                "Contents of NNTP Service Release Notes",
                "Contents of Internet Information Server Release Notes"));
        for (int i = 0; i < 8; i++) {
            titles.add("Internet Information Server Setup " + (char) ('a' + i));
        }
        index(titles.toArray(String[]::new));
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir.resolve("index")))) {
            TopDocs tied = new TopDocs(new TotalHits(2, TotalHits.Relation.EQUAL_TO),
                    new ScoreDoc[] {new ScoreDoc(0, 10f), new ScoreDoc(1, 10f)});
            TopDocs rescored = new TitleRescorer(reader).rescore(tied, Set.of("content", "releas", "note"));
            assertThat(rescored.scoreDocs).extracting(d -> d.doc).containsExactly(1, 0);
            // The IIS title leaves out common words only: close to fully named, close to +30%.
            assertThat(rescored.scoreDocs[0].score).isBetween(12.5f, 13f);
            assertThat(rescored.scoreDocs[1].score).isBetween(11f, 12f);
        }
    }

    @Test
    void onlyTheTopMovesAndTiesKeepTheirOrder() throws IOException {
        String[] titles = new String[TitleRescorer.DEPTH + 5];
        for (int i = 0; i < titles.length; i++) {
            titles[i] = i == titles.length - 1 ? "Printer Driver" : "Printer Driver Update Disk " + i;
        }
        index(titles);
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir.resolve("index")))) {
            ScoreDoc[] docs = new ScoreDoc[titles.length];
            for (int i = 0; i < titles.length; i++) {
                docs[i] = new ScoreDoc(i, 5f);
            }
            TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
            TopDocs rescored = new TitleRescorer(reader).rescore(top, Set.of("printer", "driver"));
            // The fully named title is past the reordered depth: it stays last.
            assertThat(rescored.scoreDocs[titles.length - 1].doc).isEqualTo(titles.length - 1);
            assertThat(rescored.scoreDocs[titles.length - 1].score).isEqualTo(5f);
            // Within the depth, equal coverage keeps the first ranking's order.
            for (int i = 0; i < TitleRescorer.DEPTH; i++) {
                assertThat(rescored.scoreDocs[i].doc).isEqualTo(i);
                assertThat(rescored.scoreDocs[i].score).isGreaterThan(5f);
            }
            assertThat(new TitleRescorer(reader).rescore(top, Set.of())).isSameAs(top);
        }
    }
}
