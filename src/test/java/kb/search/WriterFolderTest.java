package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the build's index writer reads its folder: norms mapped, other files through a buffer
 * ({@link SearchIndexer#writerFolder}), and a clean build's segments flushed as separate files, so that
 * their norms are mapped too while they merge.
 */
class WriterFolderTest {

    @TempDir
    Path dir;

    @Test
    void normsAreMappedAndOtherFilesReadThroughABuffer() throws IOException {
        try (Directory folder = SearchIndexer.writerFolder(dir)) {
            for (String name : List.of("_0.nvd", "_0.tim")) {
                try (IndexOutput out = folder.createOutput(name, IOContext.DEFAULT)) {
                    out.writeString(name);
                }
            }
            try (IndexInput norms = folder.openInput("_0.nvd", IOContext.DEFAULT);
                    IndexInput terms = folder.openInput("_0.tim", IOContext.DEFAULT)) {
                assertThat(norms).isNotInstanceOf(BufferedIndexInput.class);
                assertThat(norms.readString()).isEqualTo("_0.nvd");
                assertThat(terms).isInstanceOf(BufferedIndexInput.class);
                assertThat(terms.readString()).isEqualTo("_0.tim");
            }
        }
    }

    @Test
    void aCleanBuildFlushesSeparateFilesAndAnUpdateOneCompoundFile() throws IOException {
        Path index = dir.resolve("index");
        try (SearchIndexer indexer = new SearchIndexer(index, true)) {
            for (int i = 0; i < 20; i++) {
                indexer.add(doc("/kb/" + i + "/", "Setup cannot find the file " + i));
            }
            try (DirectoryReader reader = indexer.openReader()) { // flushes a segment
                assertThat(reader.numDocs()).isEqualTo(20);
            }
            assertThat(extensions(index)).contains("nvd").doesNotContain("cfs");
        }
        try (SearchIndexer indexer = new SearchIndexer(index, false)) {
            indexer.put("/kb/3/", doc("/kb/3/", "Setup finds the file"));
            try (DirectoryReader reader = indexer.openReader()) {
                assertThat(reader.numDocs()).isEqualTo(20);
            }
            assertThat(extensions(index)).contains("cfs");
        }
    }

    private static Document doc(String url, String text) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.URL, url, Field.Store.YES));
        doc.add(new TextField(IndexFields.BODY, text, Field.Store.YES));
        return doc;
    }

    private static List<String> extensions(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.map(f -> f.getFileName().toString())
                    .map(name -> name.substring(name.lastIndexOf('.') + 1)).toList();
        }
    }
}
