package kb.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryFilterTest {

    private static EntryFilter filter(List<String> exclude, List<String> include) {
        return new EntryFilter(exclude, include);
    }

    private final EntryFilter plain = filter(List.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"_layouts", ".git", "#x", "x~", "kb/_drafts", "kb/.DS_Store", "a/#notes#",
            "a/README.md~", "_config.yml"})
    void skipsSpecialNames(String path) {
        assertThat(plain.accepts(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.md", "kb", "kb/319/Q319864/README.md", "a_b.md", "a.b", "x~y",
            "a#b.md", "assets/kb.css"})
    void acceptsOrdinaryNames(String path) {
        assertThat(plain.accepts(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"~$report.docx", "~draft.md", "kb/~$notes.doc"})
    void skipsNamesStartingWithATildeAsJekyllDoes(String path) {
        // Jekyll's EntryFilter::SPECIAL_LEADING_CHARACTERS is [".", "_", "#", "~"] (Jekyll 3 and 4):
        // Office lock files such as "~$report.docx" are never read.
        assertThat(plain.accepts(path)).isFalse();
    }

    @Test
    void onlyTheEntrysOwnNameIsCheckedForSpecialPrefixes() {
        // Parents were checked when the walk entered them.
        assertThat(plain.accepts("_layouts/page.html")).isTrue();
        assertThat(plain.accepts(".git/config")).isTrue();
    }

    @Test
    void includeReadmitsSpecialNames() {
        EntryFilter f = filter(List.of(), List.of("_pages", ".htaccess"));

        assertThat(f.accepts("_pages")).isTrue();
        assertThat(f.accepts(".htaccess")).isTrue();
        assertThat(f.accepts("sub/.htaccess")).isTrue();
        assertThat(f.accepts("_layouts")).isFalse();
        assertThat(f.accepts(".git")).isFalse();
    }

    @Test
    void includeReadmitsAnExcludedEntry() {
        EntryFilter f = filter(List.of("drafts"), List.of("drafts"));

        assertThat(f.accepts("drafts")).isTrue();
    }

    @Test
    void excludesAPlainName() {
        EntryFilter f = filter(List.of("txt"), List.of());

        assertThat(f.accepts("txt")).isFalse();
        assertThat(f.accepts("a.txt")).isTrue();
        assertThat(f.accepts("txt.md")).as("Jekyll also matches exclude entries as prefixes").isFalse();
    }

    @Test
    void starMatchesAcrossFolders() {
        EntryFilter f = filter(List.of("*.sh"), List.of());

        assertThat(f.accepts("build.sh")).isFalse();
        assertThat(f.accepts("scripts/a.sh")).isFalse();
        assertThat(f.accepts("scripts/deep/b.sh")).isFalse();
        assertThat(f.accepts("scripts")).isTrue();
        assertThat(f.accepts("a.shx")).isTrue();
    }

    @Test
    void questionMarkMatchesOneCharacter() {
        EntryFilter f = filter(List.of("draft?.md"), List.of());

        assertThat(f.accepts("draft1.md")).isFalse();
        assertThat(f.accepts("draft.md")).isTrue();
        assertThat(f.accepts("draft12.md")).isTrue();
    }

    @Test
    void trailingStarMatchesSuffixes() {
        EntryFilter f = filter(List.of("Gemfile*"), List.of());

        assertThat(f.accepts("Gemfile")).isFalse();
        assertThat(f.accepts("Gemfile.lock")).isFalse();
        assertThat(f.accepts("Gemfile.local")).isFalse();
        assertThat(f.accepts("MyGemfile")).isTrue();
    }

    @Test
    void jekyllDefaultExclusionsApply() {
        assertThat(plain.accepts("node_modules")).isFalse();
        assertThat(plain.accepts("Gemfile")).isFalse();
        assertThat(plain.accepts("Gemfile.lock")).isFalse();
        assertThat(plain.accepts("vendor/bundle")).isFalse();
        assertThat(plain.accepts("gemfiles")).isFalse();
        assertThat(plain.accepts("vendor")).isTrue();
        assertThat(plain.accepts("vendor/other")).isTrue();
    }

    @Test
    void exclusionsMatchFromTheSourceRootOnly() {
        EntryFilter f = filter(List.of("tmp"), List.of());

        assertThat(f.accepts("tmp")).isFalse();
        assertThat(f.accepts("a/tmp")).isTrue();
        assertThat(plain.accepts("a/node_modules")).isTrue();
    }

    @Test
    void leadingAndTrailingSlashesOfPatternsAreIgnored() {
        EntryFilter f = filter(List.of("/drafts/", " docs/old "), List.of());

        assertThat(f.accepts("drafts")).isFalse();
        assertThat(f.accepts("docs/old")).isFalse();
        assertThat(f.accepts("docs")).isTrue();
    }

    @Test
    void regexCharactersInPatternsAreLiteral() {
        EntryFilter f = filter(List.of("a.b", "(x)+"), List.of());

        assertThat(f.accepts("a.b")).isFalse();
        assertThat(f.accepts("axb")).isTrue();
        assertThat(f.accepts("(x)+")).isFalse();
        assertThat(f.accepts("xx")).isTrue();
    }
}
