package kb.serve;

import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb serve on a site reached through a symbolic link: a linked folder above it ({@code /tmp} on
 * macOS, a linked home folder) or the site folder itself a link. Jetty refuses a file whose real
 * path differs from its path, so each page was a 404 there; links inside the site stay refused.
 */
class LinkedFolderTest {

    @Test
    void aSiteUnderALinkedFolderIsServed(@TempDir Path tmp) throws IOException {
        ServedSite built = ServedSite.build(tmp.resolve("real"), "");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "not the site's\n");
        Files.createSymbolicLink(built.site().resolve("leak.txt"), outside);
        try (KbServer server = new ServedSite(link.resolve("site"), link.resolve("index")).serve()) {
            Http http = new Http(server);
            assertThat(http.get("/").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> article = http.get("/kb/319/Q319864/");
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(text(article)).isEqualTo(Files.readString(built.site().resolve("kb/319/Q319864/index.html")));
            assertThat(text(http.get("/api/search?q=inventory+resynchronization"))).contains("Q319864");
            assertThat(http.get("/leak.txt").statusCode()).as("a link inside the site").isEqualTo(404);
        }
    }

    @Test
    void aSiteFolderThatIsALinkIsServed(@TempDir Path tmp) throws IOException {
        ServedSite built = ServedSite.build(tmp.resolve("release"), "");
        Path current = Files.createSymbolicLink(tmp.resolve("current"), built.site());
        try (KbServer server = new ServedSite(current, built.index()).serve()) {
            Http http = new Http(server);
            HttpResponse<byte[]> article = http.get("/kb/319/Q319864/");
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(text(article)).isEqualTo(Files.readString(built.site().resolve("kb/319/Q319864/index.html")));
        }
    }

    @Test
    void theServedFolderKeepsItsNameUnderTheRealParent(@TempDir Path tmp) throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real/site"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        assertThat(SiteRoot.servedFolder(link.resolve("site")))
                .isEqualTo(tmp.toRealPath().resolve("real/site"))
                .isEqualTo(real.toRealPath());
        assertThat(SiteRoot.servedFolder(link.resolve("site/../site"))).isEqualTo(real.toRealPath());
    }
}
