package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An article's own citation links never reach its own list: adding or removing citations in
 * article A, or citations of A in other articles, leaves A's list exactly as it was, while the
 * lists of other articles may change (the citations are a signal for them).
 */
class OwnLinksHiddenTest {

    private static final int ARTICLES = 400;

    /** Articles of words from a small skewed vocabulary (close races), each citing one to three others. */
    private static Map<String, ArticleProfile> site(Random random) {
        Map<String, ArticleProfile> site = new LinkedHashMap<>();
        for (int a = 0; a < ARTICLES; a++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                double u = random.nextDouble();
                text.append("w").append(Integer.toString((int) (u * u * 700), 26).replaceAll("[0-9]", "z")).append("x ");
            }
            List<String> cites = new ArrayList<>();
            for (int c = 0, n = 1 + random.nextInt(3); c < n; c++) {
                cites.add(id(random.nextInt(ARTICLES)));
            }
            site.put(id(a), new ArticleProfile(TermWindow.of("", text.toString()), cites, List.of("p" + a % 3),
                    List.of("k" + a % 2), List.of("t" + a % 5)));
        }
        return site;
    }

    private static String id(int a) {
        return "Q" + (500000 + a);
    }

    private static ArticleProfile withCites(ArticleProfile p, List<String> cites) {
        return new ArticleProfile(p.window(), cites, p.products(), p.kinds(), p.titleTerms());
    }

    @Test
    void changingAnArticlesOwnLinksLeavesItsListAsItWas() {
        Random random = new Random(42);
        Map<String, ArticleProfile> site = site(random);
        RelatedLists before = RelatedFinder.compute(site, 5);
        int othersChanged = 0;
        for (int round = 0; round < 30; round++) {
            String a = id(random.nextInt(ARTICLES));
            Map<String, ArticleProfile> changed = new LinkedHashMap<>(site);
            // A cites others than before...
            List<String> cites = new ArrayList<>();
            for (int c = 0; c < 1 + round % 4; c++) {
                cites.add(id(random.nextInt(ARTICLES)));
            }
            changed.put(a, withCites(site.get(a), round % 5 == 0 ? List.of() : cites));
            // ...and other articles cite it, or stop citing it.
            for (int c = 0; c < 3; c++) {
                String other = id(random.nextInt(ARTICLES));
                if (!other.equals(a)) {
                    List<String> theirs = new ArrayList<>(changed.get(other).cites());
                    if (!theirs.remove(a)) {
                        theirs.add(a);
                    }
                    changed.put(other, withCites(changed.get(other), theirs));
                }
            }
            for (Map.Entry<String, ArticleProfile> e : site.entrySet()) {
                if (e.getValue().cites().contains(a) && random.nextBoolean()) {
                    changed.put(e.getKey(), withCites(changed.get(e.getKey()),
                            changed.get(e.getKey()).cites().stream().filter(x -> !x.equals(a)).toList()));
                }
            }
            RelatedLists after = RelatedFinder.compute(changed, 5);

            assertThat(after.of(a)).as("round %d, %s", round, a).isEqualTo(before.of(a));
            othersChanged += after.changedFrom(before).size();
        }
        assertThat(othersChanged).as("other lists the changed citations moved").isGreaterThan(30);
    }
}
