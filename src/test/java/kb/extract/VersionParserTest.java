package kb.extract;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import kb.diag.Diagnostics;
import kb.model.Versions;
import kb.verify.Words;
import org.junit.jupiter.api.Test;

/** Every shape of {@code Version(s):} in FORMAT.md section 2. */
class VersionParserTest {

    private static Versions parse(String raw) {
        return VersionParser.parse(raw, List.of());
    }

    @Test
    void platformAndVersionGroups() {
        Versions v = parse("WINDOWS:97; winnt:4.0");

        assertThat(v.raw()).isEqualTo("WINDOWS:97; winnt:4.0");
        assertThat(v.byPlatform()).containsExactly(entry("WINDOWS", List.of("97")), entry("winnt", List.of("4.0")));
        assertThat(v.all()).containsExactly("97", "4.0");
        assertThat(v.isEmpty()).isFalse();
    }

    @Test
    void platformWithSeveralVersions() {
        assertThat(parse("WINDOWS:3.0,3.1").byPlatform()).containsExactly(entry("WINDOWS", List.of("3.0", "3.1")));
    }

    @Test
    void versionsWithoutPlatformAreUnderTheEmptyPlatform() {
        assertThat(parse("5.0,5.1,6.0,6.0a,6.0b").byPlatform())
                .containsExactly(entry("", List.of("5.0", "5.1", "6.0", "6.0a", "6.0b")));
    }

    @Test
    void leadingColonOfTheFooterShape() {
        Versions v = parse(":2.0");

        assertThat(v.raw()).isEqualTo(":2.0");
        assertThat(v.byPlatform()).containsExactly(entry("", List.of("2.0")));
    }

    @Test
    void spaceSeparatedVersions() {
        assertThat(parse("3.00 4.00").byPlatform()).containsExactly(entry("", List.of("3.00", "4.00")));
    }

    @Test
    void commasWinOverSpacesSoThatAndLaterStaysWhole() {
        assertThat(parse("1.0,3.20,3.20 and later,4.0").byPlatform())
                .containsExactly(entry("", List.of("1.0", "3.20", "3.20 and later", "4.0")));
    }

    @Test
    void oldTwoColumnShapeTakesItsPlatformsFromTheOperatingSystemColumns() {
        Versions v = VersionParser.parse("3.00 4.00 5.00 | 5.10", List.of("MS-DOS", "OS/2"));

        assertThat(v.raw()).isEqualTo("3.00 4.00 5.00 | 5.10");
        assertThat(v.byPlatform()).containsExactly(entry("MS-DOS", List.of("3.00", "4.00", "5.00")),
                entry("OS/2", List.of("5.10")));
    }

    @Test
    void twoColumnShapeWithoutMatchingOperatingSystemColumnsKeepsEveryVersion() {
        Versions v = VersionParser.parse("3.00 | 5.10", List.of("MS-DOS", "OS/2", "WINDOWS"));

        assertThat(v.all()).containsExactly("3.00", "5.10");
        assertThat(v.raw()).isEqualTo("3.00 | 5.10");
    }

    @Test
    void twoColumnShapeThroughTheExtractorUsesTheOperatingSystemHeader() {
        Versions v = extract(header("Q812001", "3.00 4.00 5.00 | 5.10", "MS-DOS | OS/2",
                "ENDUSER | | mspl13_c", "6-FEB-1991") + "Question:\n").article().versions();

        assertThat(v.byPlatform()).containsExactly(entry("MS-DOS", List.of("3.00", "4.00", "5.00")),
                entry("OS/2", List.of("5.10")));
    }

    @Test
    void platformWithNoVersion() {
        Versions v = parse("winnt:");

        assertThat(v.byPlatform()).containsExactly(entry("winnt", List.of()));
        assertThat(v.all()).isEmpty();
        assertThat(v.isEmpty()).isFalse();
    }

    @Test
    void severalGroupsWithASpaceInsideAPlatformName() {
        assertThat(parse("MS- DOS:6.0,6.00a;OS/2:6.0;WIN3X:1.0").byPlatform()).containsExactly(
                entry("MS- DOS", List.of("6.0", "6.00a")), entry("OS/2", List.of("6.0")), entry("WIN3X", List.of("1.0")));
    }

    @Test
    void emptyGroupsAreSkipped() {
        assertThat(parse("; :1.0;").byPlatform()).containsExactly(entry("", List.of("1.0")));
    }

    @Test
    void emptyVersions() {
        Versions v = parse("   ");

        assertThat(v.raw()).isEmpty();
        assertThat(v.byPlatform()).isEmpty();
        assertThat(v.isEmpty()).isTrue();
        assertThat(Versions.none().isEmpty()).isTrue();
    }

    @Test
    void malformedVersionsDoNotThrowAndKeepTheRawTextAndEveryWord() {
        String raw = "WinNT; Exchange 4.0, 5.0. 5.5";

        assertThatCode(() -> parse(raw)).doesNotThrowAnyException();
        Versions v = parse(raw);
        assertThat(v.raw()).isEqualTo(raw);
        assertThat(Words.of(String.join(" ", v.byPlatform().keySet()) + " " + String.join(" ", v.all())))
                .containsExactlyInAnyOrderElementsOf(Words.of(raw));
    }

    @Test
    void malformedVersionsThroughTheExtractor() {
        Diagnostics diagnostics = new Diagnostics();
        Versions v = extract("", header("Q812001", "WinNT; Exchange 4.0, 5.0. 5.5", "", "kbwidget", "13-MAY-2002")
                + "Body.\n", Map.of(), List.of(), diagnostics).article().versions();

        assertThat(v.raw()).isEqualTo("WinNT; Exchange 4.0, 5.0. 5.5");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void frontMatterVersionsWinOverTheHeader() {
        Versions v = extract("", header("Q812001", "2.0", "", "kbwidget", "13-MAY-2002") + "Body.\n",
                Map.of("versions", "WINDOWS:2.0,2.1"), List.of(), new Diagnostics()).article().versions();

        assertThat(v.raw()).isEqualTo("WINDOWS:2.0,2.1");
        assertThat(v.byPlatform()).containsExactly(entry("WINDOWS", List.of("2.0", "2.1")));
    }

    @Test
    void byPlatformIsUnmodifiable() {
        Versions v = parse("WINDOWS:3.0,3.1");

        assertThatThrownBy(() -> v.byPlatform().get("WINDOWS").add("9.9")).isInstanceOf(UnsupportedOperationException.class);
    }
}
