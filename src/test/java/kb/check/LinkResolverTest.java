package kb.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where links lead, relative to the page that holds them. */
class LinkResolverTest {

    private final LinkResolver resolver = new LinkResolver("/kb", "https://kb.example.com");
    private static final String PAGE = "kb/319/Q319864/index.html";

    private Target resolve(String link) {
        return resolver.resolve(PAGE, link);
    }

    @Test
    void relativeLinksResolveAgainstThePagesFolder() {
        assertThat(resolve("../Q319865/")).isEqualTo(new Target.Internal("/kb/319/Q319865/", ""));
        assertThat(resolve("./a.png")).isEqualTo(new Target.Internal("/kb/319/Q319864/a.png", ""));
        assertThat(resolver.resolve("about.html", "guide/#install")).isEqualTo(new Target.Internal("/guide/", "install"));
        assertThat(resolve("../../../../x/")).isEqualTo(new Target.Invalid("leads above the site root"));
    }

    @Test
    void rootRelativeLinksMustCarryTheBaseUrl() {
        assertThat(resolve("/kb/id/sms/")).isEqualTo(new Target.Internal("/id/sms/", ""));
        assertThat(resolve("/kb")).isEqualTo(new Target.Internal("/", ""));
        assertThat(resolve("/id/sms/")).isEqualTo(new Target.Invalid("does not start with the base URL /kb"));
        assertThat(resolve("/kbx/")).isEqualTo(new Target.Invalid("does not start with the base URL /kb"));
    }

    @Test
    void queriesAreIgnoredAndFragmentsKeptDecoded() {
        assertThat(resolve("/kb/search/?q=a#results")).isEqualTo(new Target.Internal("/search/", "results"));
        assertThat(resolve("#caf%C3%A9")).isEqualTo(new Target.Internal("/" + PAGE, "café"));
        assertThat(resolve("?page=2")).isEqualTo(new Target.Internal("/" + PAGE, ""));
        assertThat(resolve("a%20b.html")).isEqualTo(new Target.Internal("/kb/319/Q319864/a b.html", ""));
        assertThat(resolve("c++.html")).isEqualTo(new Target.Internal("/kb/319/Q319864/c++.html", ""));
        assertThat(resolve("%zz")).isEqualTo(new Target.Invalid("bad %-escape"));
    }

    @Test
    void theSitesOwnAbsoluteUrlIsInternal() {
        assertThat(resolve("https://kb.example.com/kb/id/sms/")).isEqualTo(new Target.Internal("/id/sms/", ""));
        assertThat(resolve("HTTPS://KB.EXAMPLE.COM/kb/")).isEqualTo(new Target.Internal("/", ""));
        assertThat(resolve("https://kb.example.com.evil/kb/")).isInstanceOf(Target.External.class);
    }

    @Test
    void otherSchemesAreExternalOrIgnored() {
        assertThat(resolve("https://example.org/")).isEqualTo(new Target.External("https://example.org/"));
        assertThat(resolve("//cdn.example.org/x.js")).isEqualTo(new Target.External("//cdn.example.org/x.js"));
        assertThat(resolve("mailto:a@example.com")).isEqualTo(new Target.External("mailto:a@example.com"));
        assertThat(resolve("javascript:void(0)")).isEqualTo(new Target.Ignored());
        assertThat(resolve("data:image/png;base64,AAAA")).isEqualTo(new Target.Ignored());
        assertThat(resolve("tel:+15550100")).isEqualTo(new Target.Ignored());
        assertThat(resolve("a:b/c.html")).as("a colon after a letter run is a scheme").isInstanceOf(Target.External.class);
        assertThat(resolve("1:b.html")).isEqualTo(new Target.Internal("/kb/319/Q319864/1:b.html", ""));
    }

    @Test
    void withoutASiteUrlOrBaseUrl() {
        LinkResolver plain = new LinkResolver("", "");
        assertThat(plain.resolve("index.html", "/x/")).isEqualTo(new Target.Internal("/x/", ""));
        assertThat(plain.resolve("index.html", "https://kb.example.com/x/")).isInstanceOf(Target.External.class);
        assertThat(plain.shown("/x/")).isEqualTo("/x/");
        assertThat(resolver.shown("/x/")).isEqualTo("/kb/x/");
    }

    @Test
    void normalizeResolvesDotSegments() {
        assertThat(LinkResolver.normalize("/a/./b/../c/")).isEqualTo("/a/c/");
        assertThat(LinkResolver.normalize("/a//b")).isEqualTo("/a/b");
        assertThat(LinkResolver.normalize("/a/b/..")).isEqualTo("/a/");
        assertThat(LinkResolver.normalize("/a/b")).isEqualTo("/a/b");
        assertThat(LinkResolver.normalize("/..")).isNull();
    }
}
