package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build trusts the page folders of a spare it wrote two builds ago only where the folders
 * holding them are as it left them: every change a user can make to the folders shows.
 */
class SpareFoldersTest {

    @TempDir
    Path tmp;

    private Path site;
    private final List<String> outputs = List.of("index.html", "kb/1/Q1/index.html", "kb/1/Q2/index.html",
            "kb/2/Q3/index.html", "kb/2/Q3/extra.txt", "assets/app.css");

    @BeforeEach
    void writeSite() throws IOException {
        site = tmp.resolve("site");
        for (String output : outputs) {
            Path file = site.resolve(output);
            Files.createDirectories(file.getParent());
            Files.writeString(file, output);
        }
        // Written a while ago: a folder changed within the last seconds is never trusted.
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
    }

    private SpareFolders record() {
        return SpareFolders.record(site, outputs).orElseThrow();
    }

    @Test
    void recordsTheFoldersThatHoldFoldersAndTrustsThemWhileUnchanged() {
        SpareFolders record = record();
        assertThat(record.times().keySet()).containsExactlyInAnyOrder("", "kb", "kb/1", "kb/2");
        assertThat(record.unchanged(site)).containsExactlyInAnyOrder("", "kb", "kb/1", "kb/2");
        OutputFolder folder = new OutputFolder(site, record.unchanged(site));
        assertThat(folder.intact("kb/1/Q1/index.html")).isTrue();
    }

    @Test
    void theHoldersOfTheOutputsFoldersFoundOnceRecordTheSameFolders() {
        // A build whose outputs are the last one's records the holders that build found.
        Set<String> holders = SpareFolders.holders(outputs);
        assertThat(holders).containsExactlyInAnyOrder("", "kb", "kb/1", "kb/2");
        SpareFolders again = SpareFolders.recordHolders(site, holders).orElseThrow();
        assertThat(again.times()).isEqualTo(record().times());
        assertThat(again.unchanged(site)).containsExactlyInAnyOrder("", "kb", "kb/1", "kb/2");
    }

    @Test
    void aPageFolderDeletedOrReplacedByALinkShows() throws IOException {
        SpareFolders record = record();
        kb.TestSites.deleteTree(site.resolve("kb/1/Q2"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.delete(site.resolve("kb/2/Q3/index.html"));
        Files.delete(site.resolve("kb/2/Q3/extra.txt"));
        Files.delete(site.resolve("kb/2/Q3"));
        Files.createSymbolicLink(site.resolve("kb/2/Q3"), elsewhere);

        Set<String> unchanged = record.unchanged(site);

        assertThat(unchanged).containsExactlyInAnyOrder("", "kb");
        OutputFolder folder = new OutputFolder(site, unchanged);
        assertThat(folder.intact("kb/1/Q1/index.html")).as("its folder is checked, and is there").isTrue();
        assertThat(folder.intact("kb/2/Q3/index.html")).as("the link is replaced by a folder kb made").isFalse();
        assertThat(Files.isSymbolicLink(site.resolve("kb/2/Q3"))).isFalse();
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aFolderAboveReplacedByALinkShows() throws IOException {
        SpareFolders record = record();
        Path moved = tmp.resolve("moved-kb");
        Files.move(site.resolve("kb"), moved);
        Files.createSymbolicLink(site.resolve("kb"), moved);

        assertThat(record.unchanged(site)).as("nothing below a link is trusted").doesNotContain("kb", "kb/1", "kb/2");
    }

    @Test
    void anotherFolderInTheSamePlaceIsNotTheOneRecorded() throws IOException {
        SpareFolders record = record();
        kb.TestSites.deleteTree(site);
        writeSite();

        assertThat(record.unchanged(site)).isEmpty();
    }

    @Test
    void aFolderChangedJustBeforeTheRecordIsNotTrusted() throws IOException {
        // Within the clock's tick of the record (here: after it), a later change could keep its time.
        Files.setLastModifiedTime(site.resolve("kb/1"), FileTime.from(Instant.now().plusMillis(20)));

        assertThat(record().unchanged(site)).containsExactlyInAnyOrder("", "kb", "kb/2");
    }

    @Test
    void aTimeOfWholeSecondsMayBeACoarseClocksAndIsTrustedOnlyWhenSecondsOld() throws IOException {
        long now = System.currentTimeMillis();
        // Two seconds old: trusted with a fraction of a second, not as whole seconds (FAT keeps two).
        Files.setLastModifiedTime(site.resolve("kb/1"), FileTime.fromMillis(now - 2_000 - now % 1000 + 437));
        Files.setLastModifiedTime(site.resolve("kb/2"), FileTime.fromMillis(now - 2_000 - now % 1000));

        assertThat(record().unchanged(site)).containsExactlyInAnyOrder("", "kb", "kb/1");
        assertThat(SpareFolders.margin(1_000_000_000L * 1700000000L)).isEqualTo(5_000_000_000L);
        assertThat(SpareFolders.margin(1_000_000_000L * 1700000000L + 4_000_000L)).isEqualTo(100_000_000L);
    }
}
