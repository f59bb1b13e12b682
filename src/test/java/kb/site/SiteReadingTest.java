package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteReadingTest {

    private static final Set<String> CONFIG = Set.of("title", "url", "baseurl");

    @Test
    void liquidThatReadsOtherFilesIsFound_configurationValuesAndRawBlocksAreNot() {
        assertThat(SiteReading.readsSite("{% for p in site.pages %}{{ p.title }}{% endfor %}", CONFIG)).isTrue();
        assertThat(SiteReading.readsSite("{{ site.data.people | size }}", CONFIG)).isTrue();
        assertThat(SiteReading.readsSite("{% assign s = site %}{{ s.posts }}", CONFIG)).isTrue();
        assertThat(SiteReading.readsSite("{% include_relative part.md %}", CONFIG)).isTrue();
        assertThat(SiteReading.readsSite("[a]({% link guide.md %})", CONFIG)).isTrue();
        assertThat(SiteReading.readsSite("{%- post_url 2020-01-01-a -%}", CONFIG)).isTrue();

        assertThat(SiteReading.readsSite("Plain text about the site.pages of a book.", CONFIG)).isFalse();
        assertThat(SiteReading.readsSite("{{ site.title }} at {{ site.url }}{{ page.title }}", CONFIG)).isFalse();
        assertThat(SiteReading.readsSite("{% raw %}{{ site.pages }} {% include_relative x %}{% endraw %}", CONFIG))
                .isFalse();
        assertThat(SiteReading.readsSite("{% if page.title %}{{ page.title | upcase }}{% endif %}", CONFIG)).isFalse();
    }
}
