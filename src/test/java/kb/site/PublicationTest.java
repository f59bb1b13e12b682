package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kb.state.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock and what a publication moves aside: released at once, deleted in the background. */
class PublicationTest {

    @TempDir
    Path tmp;

    @Test
    void aReleasedPublicationHandsItsDeletionsToTheNext_whichFollowsThem() throws Exception {
        Path dest = tmp.resolve("site");
        Path states = StateFile.beside(dest).path().getParent();
        Path first = leftover(states.resolve("site.trash-1"), 500);

        Publication publication = Publication.open(dest);
        Thread deleting = publication.release();
        assertThat(deleting).as("deleting what the last build left").isNotNull();

        // The folder is free at once; what the next publication moves aside is deleted after the first.
        Path second = leftover(states.resolve("site.trash-2"), 10);
        Publication next = Publication.open(dest, deleting);
        Thread after = next.release();
        assertThat(after).isNotNull();
        after.join(60_000);
        assertThat(deleting.isAlive()).isFalse();
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();

        // close() waits for the deletion.
        Path third = leftover(states.resolve("site.trash-3"), 200);
        Publication.open(dest).close();
        assertThat(third).doesNotExist();
    }

    @Test
    void aSecondPublicationOfTheSameProcessWaitsForTheFirstToRelease() throws Exception {
        Path dest = tmp.resolve("site");
        Publication first = Publication.open(dest);
        java.util.concurrent.CompletableFuture<Publication> second = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> Publication.open(dest));

        // The JVM refuses a second lock of the same file in one process at once (it does not
        // wait, as a lock held by another process makes it): the publication waits itself.
        Thread.sleep(300);
        assertThat(second).as("waiting while the first holds the folder").isNotDone();
        first.close();
        second.get(10, java.util.concurrent.TimeUnit.SECONDS).close();
    }

    @Test
    void theSparesRecordARememberingPublicationWroteIsTakenFromMemory_untilAnotherWritesTheFile() throws Exception {
        Path dest = tmp.resolve("site");
        SpareRecordMemory memory = new SpareRecordMemory();
        java.util.Map<String, kb.state.OutputRecord> outputs = java.util.Map.of("index.html",
                new kb.state.OutputRecord("index.html", 1, 2, 3, java.util.List.of()));
        try (Publication publication = Publication.open(dest).remembering(memory)) {
            publication.saveSpare("kb", outputs);
        }
        try (Publication publication = Publication.open(dest).remembering(memory)) {
            assertThat(publication.openSpare("kb", false)).as("not read: the map written").isSameAs(outputs);
        }
        // Opened, the record is gone (the spare is being written): nothing is remembered of it.
        try (Publication publication = Publication.open(dest).remembering(memory)) {
            assertThat(publication.openSpare("kb", false)).isEmpty();
        }

        try (Publication publication = Publication.open(dest).remembering(memory)) {
            publication.saveSpare("kb", outputs);
        }
        java.util.Map<String, kb.state.OutputRecord> other = java.util.Map.of("other.html",
                new kb.state.OutputRecord("other.html", 4, 5, 6, java.util.List.of()));
        Thread.sleep(20); // another time, whatever the file system's clock
        try (Publication publication = Publication.open(dest)) {
            publication.saveSpare("kb", other); // another builder's
        }
        try (Publication publication = Publication.open(dest).remembering(memory)) {
            assertThat(publication.openSpare("kb", false)).as("read: another wrote it").isEqualTo(other);
        }
    }

    private static Path leftover(Path folder, int files) throws Exception {
        Files.createDirectories(folder.resolve("kb"));
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("kb/page" + i + ".html"), "old");
        }
        return folder;
    }
}
