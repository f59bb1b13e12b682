package kb.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;

/**
 * Imports KB text files into a content folder: read → decode → parse → check → format, in
 * parallel per file; then, in input order, drop repeated IDs; then write (in parallel, one page
 * per distinct path, so the outcome does not depend on scheduling). Files are processed in
 * batches so memory stays flat however many there are. Thread-safe: keeps no state between runs.
 */
public final class Importer {

    private static final int BATCH = 512;

    private final TxtDecoder decoder = new TxtDecoder();
    private final TxtArticleParser parser = new TxtArticleParser();
    private final ArticleChecker checker = new ArticleChecker();
    private final ArchivePageFormat format = new ArchivePageFormat();
    private final PageWriter writer = new PageWriter();
    private final InputFiles inputFiles = new InputFiles();

    /**
     * Runs the import. Problems go to {@code diagnostics}, which should be fresh: the result's
     * warning and error counts are read from it.
     *
     * @throws IllegalArgumentException if an input does not exist
     * @throws java.io.UncheckedIOException if a page cannot be written
     */
    public ImportResult run(ImportOptions options, Diagnostics diagnostics) {
        List<Path> files = inputFiles.expand(options.inputs());
        Tally tally = new Tally();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<PageDraft> drafts = batch.parallelStream()
                    .flatMap(file -> drafts(file, diagnostics).stream())
                    .toList();
            List<PageDraft> accepted = tally.firstOfEachId(drafts, diagnostics);
            List<PageWriter.Outcome> outcomes = accepted.parallelStream()
                    .map(draft -> write(draft, options, diagnostics))
                    .toList();
            outcomes.forEach(tally::count);
        }
        int errors = diagnostics.errorCount() - tally.conflicts;
        return new ImportResult(tally.created, tally.updated, tally.unchanged, tally.conflicts,
                diagnostics.warningCount(), errors);
    }

    /** The pages of one text file; problems go to {@code diagnostics}. */
    private List<PageDraft> drafts(Path file, Diagnostics diagnostics) {
        String shown = Display.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(shown), "cannot read file: " + e.getMessage());
            return List.of();
        }
        DecodedText text = decoder.decode(bytes, shown, diagnostics);
        List<PageDraft> drafts = new ArrayList<>();
        for (TxtArticle article : parser.parse(text, diagnostics)) {
            checker.check(article, diagnostics);
            drafts.add(new PageDraft(article.id(), new SourcePosition(shown, article.line(), 1),
                    ArchivePageFormat.pagePath(article), format.format(article)));
        }
        return drafts;
    }

    private PageWriter.Outcome write(PageDraft draft, ImportOptions options, Diagnostics diagnostics) {
        Path target = options.into().resolve(draft.path());
        PageWriter.Outcome outcome = writer.write(target, draft.text(), options.force());
        if (outcome.isConflict()) {
            String why = outcome == PageWriter.Outcome.EDITED
                    ? "was edited after kb import wrote it" : "was not written by kb import";
            diagnostics.error(draft.from(), "conflict: page " + Display.of(target) + " " + why
                    + "; not overwritten with " + draft.id() + " from " + draft.from().file()
                    + " (use --force to overwrite)");
        }
        return outcome;
    }

    /** Counts outcomes and remembers the first input of each ID. Used by one thread only. */
    private static final class Tally {
        private final Map<String, Seen> firstById = new HashMap<>();
        private int created;
        private int updated;
        private int unchanged;
        private int conflicts;

        /**
         * The drafts whose ID was not seen before in this run. A repeat with the same text counts
         * as unchanged; a repeat with other text is a conflict (the first one is kept).
         */
        List<PageDraft> firstOfEachId(List<PageDraft> drafts, Diagnostics diagnostics) {
            List<PageDraft> accepted = new ArrayList<>(drafts.size());
            for (PageDraft draft : drafts) {
                Seen seen = new Seen(draft.from(), ImportDigest.sha256(draft.text()));
                Seen first = firstById.putIfAbsent(draft.id(), seen);
                if (first == null) {
                    accepted.add(draft);
                } else if (first.digest().equals(seen.digest())) {
                    unchanged++;
                } else {
                    conflicts++;
                    diagnostics.error(draft.from(), "conflict: " + draft.id() + " is also in "
                            + first.from().file() + ":" + first.from().line()
                            + " with different text; kept that one, this one not imported");
                }
            }
            return accepted;
        }

        void count(PageWriter.Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case EDITED, FOREIGN -> conflicts++;
            }
        }
    }

    /** Where an ID was first imported from, and a digest of its page text. */
    private record Seen(SourcePosition from, String digest) {
    }
}
