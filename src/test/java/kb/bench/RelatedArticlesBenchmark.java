package kb.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import kb.site.ArticleReader;
import kb.diag.Diagnostics;
import kb.model.Article;
import kb.model.Reference;
import kb.search.RelatedArticles;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Dumps the related-article candidates of every article of a source tree, with their scores and
 * the article's self-similarity, and the article's citations, for choosing the cut-off of
 * {@link RelatedArticles} (citations are the ground truth: an article cited by or citing this one
 * is related). Usage: {@code --sources DIR --index DIR --out DIR}; writes {@code related.tsv}
 * ({@code id, self score, rank, candidate id, score}) and {@code citations.tsv}
 * ({@code id, cited ids}).
 */
public final class RelatedArticlesBenchmark {

    private static final int CANDIDATES = 10;

    private RelatedArticlesBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path out = args.path("out");
        Files.createDirectories(out);
        List<Article> articles = Collections.synchronizedList(new ArrayList<>());
        new ArticleReader().read(args.path("sources"), new Diagnostics(), (page, extraction) -> articles.add(extraction.article()));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(args.path("index")));
                BufferedWriter related = Files.newBufferedWriter(out.resolve("related.tsv"), StandardCharsets.UTF_8);
                BufferedWriter citations = Files.newBufferedWriter(out.resolve("citations.tsv"), StandardCharsets.UTF_8)) {
            RelatedArticles finder = new RelatedArticles(reader);
            List<String> lines = articles.parallelStream().map(a -> {
                StringBuilder sb = new StringBuilder();
                int rank = 1;
                for (RelatedArticles.Candidate c : finder.candidates(a, CANDIDATES)) {
                    sb.append(a.id()).append('\t').append(c.self()).append('\t').append(rank++).append('\t')
                            .append(c.related().id()).append('\t').append(c.score()).append('\n');
                }
                return sb.toString();
            }).toList();
            for (String l : lines) {
                related.write(l);
            }
            for (Article a : articles) {
                citations.write(a.id() + "\t" + a.references().stream().map(Reference::id)
                        .collect(Collectors.joining(",")) + "\n");
            }
        }
        System.err.printf("%,d articles written to %s%n", articles.size(), out);
    }
}
