package kb.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.related.ArticleProfile;
import kb.related.RelatedFinder;
import kb.related.RelatedLists;
import kb.state.BuildState;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;

/** The relate stage: the related articles of every article, from its facts and the last build's lists. */
final class RelateStage {

    /** How many related articles an article page lists. */
    static final int RELATED = 5;

    private RelateStage() {
    }

    /**
     * The related articles of every article (the first page of an ID wins, as in the catalog),
     * with what they were computed from: the last build's lists where no change reaches them,
     * from what the last build {@code kept} in memory when there is that.
     */
    static RelatedFinder.Computed run(List<ArticleFacts> facts, BuildState previous,
            RelatedFinder.Computed kept, Runnable checkpoint) {
        return run(facts, previous, kept, null, checkpoint);
    }

    /**
     * As {@link #run(List, BuildState, RelatedFinder.Computed, Runnable)}, where {@code keptFacts}
     * (when not null) are the facts {@code kept} was computed from, in the order the last build
     * gave them: when this build's are the same articles in the same order, only those that are
     * other objects are looked at (in a resident builder, an article that did not change is the
     * same object build after build).
     */
    static RelatedFinder.Computed run(List<ArticleFacts> facts, BuildState previous,
            RelatedFinder.Computed kept, List<ArticleFacts> keptFacts, Runnable checkpoint) {
        if (kept != null && keptFacts != null) {
            Optional<RelatedFinder.Computed> some = changedOnly(facts, kept, keptFacts, checkpoint);
            if (some.isPresent()) {
                return some.get();
            }
        }
        // Each loop over every article runs the checkpoint now and then: in kb serve --watch a
        // save stops this stage, and each loop takes a tenth of a second or more on the archive.
        Runnable every = everyFew(checkpoint);
        Map<String, ArticleProfile> articles = new LinkedHashMap<>();
        for (ArticleFacts f : facts) {
            every.run();
            articles.putIfAbsent(f.entry().id(), profile(f));
        }
        if (kept != null) {
            return RelatedFinder.update(articles, RELATED, kept, checkpoint);
        }
        if (previous.isEmpty()) {
            return RelatedFinder.computeKept(articles, RELATED, checkpoint);
        }
        // The first page of an ID by path, as above, without sorting every page.
        Map<String, PageRecord> first = new java.util.HashMap<>();
        for (PageRecord p : previous.pages().values()) {
            every.run();
            p.article().ifPresent(a -> first.merge(a.entry().id(), p,
                    (x, y) -> x.outputPath().compareTo(y.outputPath()) <= 0 ? x : y));
        }
        Map<String, ArticleProfile> last = new java.util.HashMap<>();
        first.forEach((id, p) -> {
            every.run();
            last.put(id, profile(p.article().orElseThrow()));
        });
        return RelatedFinder.updateKept(articles, RELATED, last, previous.related(), checkpoint);
    }

    /**
     * The lists from {@code kept}, updated for the facts of {@code facts} that are not those of
     * {@code keptFacts} at the same place; empty when the articles are not the same, place by
     * place (an article added, removed or moved), or a changed one was not the first page of its
     * ID that the kept lists were computed from.
     */
    private static Optional<RelatedFinder.Computed> changedOnly(List<ArticleFacts> facts, RelatedFinder.Computed kept,
            List<ArticleFacts> keptFacts, Runnable checkpoint) {
        if (facts.size() != keptFacts.size()) {
            return Optional.empty();
        }
        Map<String, ArticleProfile> changed = new java.util.HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            ArticleFacts now = facts.get(i);
            ArticleFacts was = keptFacts.get(i);
            if (now == was) {
                continue;
            }
            String id = now.entry().id();
            ArticleProfile before = kept.profile(id);
            // The page the kept profile of its ID came from (the first of the ID), and no other.
            if (!id.equals(was.entry().id()) || before == null || before.window() != was.window()
                    || before.cites() != was.entry().cites() || changed.containsKey(id)) {
                return Optional.empty();
            }
            changed.put(id, profile(now));
        }
        return RelatedFinder.updateSome(kept, changed, RELATED, checkpoint);
    }

    /** The lists by article ID (a read-only view of them). */
    static Map<String, List<String>> byId(RelatedLists lists) {
        return lists.asMap();
    }

    /**
     * A runnable that runs {@code checkpoint} once in every 1,024 runs (the first included), for
     * one thread's loop: its count is not shared safely between threads.
     */
    private static Runnable everyFew(Runnable checkpoint) {
        int[] runs = {0};
        return () -> {
            if ((runs[0]++ & 1023) == 0) {
                checkpoint.run();
            }
        };
    }

    /** What the related lists know of an article: its window, citations, product codes, issue types, title terms. */
    private static ArticleProfile profile(ArticleFacts f) {
        return new ArticleProfile(f.window(), f.entry().cites(), f.entry().productCodes(), f.entry().kinds(),
                f.titleTerms());
    }
}
