package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import kb.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jekyll 4.3's filters; every expected string is jekyll 4.3.1's output for the same text in a
 * scratch site (baseurl /help, url https://support.example, timezone UTC; see {@link TestSite}).
 */
class JekyllFiltersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{ \"/x y\" | relative_url }} {{ \"x\" | relative_url }} {{ \"\" | relative_url }} "
                        + "{{ \"/a/é\" | absolute_url }} {{ \"https://o.example/x\" | absolute_url }} {{ nil | relative_url }}|",
                        "/help/x%20y /help/x /help https://support.example/help/a/%C3%A9 https://o.example/x |"),
                // dates: shown in the site's zone (the +0100 date is 08:30 UTC)
                Arguments.of("{{ page.date | date_to_string }} {{ page.date | date_to_string: \"ordinal\" }} "
                        + "{{ page.date | date_to_long_string: \"ordinal\", \"US\" }} {{ page.date | date_to_xmlschema }} "
                        + "{{ page.date | date_to_rfc822 }} {{ \"2024-03-08\" | date_to_long_string }}",
                        "08 Mar 2024 8th Mar 2024 March 8th, 2024 2024-03-08T08:30:00+00:00 Fri, 08 Mar 2024 08:30:00 +0000 "
                                + "08 March 2024"),
                Arguments.of("{{ \"2024-01-15 09:30:00 +0100\" | date_to_xmlschema }}", "2024-01-15T08:30:00+00:00"),
                Arguments.of("{{ \"Conflict copy (2024) – Café\" | slugify }} {{ \"Conflict copy (2024) – Café\" | slugify: \"raw\" }} "
                        + "{{ \"Conflict copy (2024) – Café\" | slugify: \"pretty\" }} "
                        + "{{ \"Conflict copy (2024) – Café\" | slugify: \"ascii\" }} "
                        + "{{ \"Conflict copy (2024) – Café\" | slugify: \"latin\" }} {{ \"A B\" | slugify: \"none\" }}",
                        "conflict-copy-2024-café conflict-copy-(2024)-–-café conflict-copy-(2024)-café conflict-copy-2024-caf "
                                + "conflict-copy-2024-cafe a b"),
                Arguments.of("{{ '<a href=\"x\">&</a>' | xml_escape }} {{ \"a b&c/d?e=é*\" | cgi_escape }} "
                        + "{{ \"a b/é?x=1#f\" | uri_escape }} {{ \"  a \\n\\t b  \" | normalize_whitespace }}|",
                        "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt; a+b%26c%2Fd%3Fe%3D%C3%A9%2A a%20b/%C3%A9?x=1#f a \\n\\t b|"),
                Arguments.of("{{ \"one two  three\" | number_of_words }} {{ \"日本語 abc\" | number_of_words: \"cjk\" }} "
                        + "{{ \"日本語 abc\" | number_of_words: \"auto\" }} {{ \"a b\" | number_of_words: \"auto\" }}", "3 4 4 2"),
                Arguments.of("{{ page.list | array_to_sentence_string }} {{ page.list | array_to_sentence_string: \"or\" }} "
                        + "{{ \"a,b\" | split: \",\" | array_to_sentence_string }}", "b, a, and c b, a, or c a and b"),
                Arguments.of("{{ page.list | jsonify }} {{ 'a\"b\\c\té' | jsonify }} {{ 1.5 | jsonify }} {{ nil | jsonify }} "
                        + "{{ page.date | jsonify }}",
                        "[\"b\",\"a\",\"c\"] \"a\\\"b\\\\c\\té\" 1.5 null \"2024-03-08 09:30:00 +0100\""),
                // Ruby escapes control characters in lower-case hex, writes floats its own way
                Arguments.of("{{ 'a\u0001\u001fb\b\f/' | jsonify }} {{ page.f | jsonify }} {{ page.big | jsonify }}",
                        "\"a\\u0001\\u001fb\\b\\f/\" 1.0e+20 12345678901234"),
                Arguments.of("{{ page.items | jsonify }}",
                        "[{\"name\":\"A\",\"plan\":\"free\",\"n\":3,\"tags\":[\"x\",\"y\"],\"meta\":{\"k\":1}},"
                                + "{\"name\":\"B\",\"plan\":\"pro\",\"n\":10},{\"name\":\"C\",\"plan\":\"free\",\"n\":\"2\","
                                + "\"tags\":[\"y\"]},{\"name\":\"D\",\"n\":1.5}]"),
                Arguments.of("{{ page.list | inspect }} {{ \"x\" | inspect }} {{ nil | inspect }} {{ \"12abc\" | to_integer }} "
                        + "{{ true | to_integer }} {{ 3.9 | to_integer }}",
                        "[&quot;b&quot;, &quot;a&quot;, &quot;c&quot;] &quot;x&quot; nil 12 1 3"),
                Arguments.of("{{ page.day }}|{{ page.day | date: \"%Y %Z %z %H\" }}|{{ page.day | date_to_xmlschema }}|"
                        + "{{ page.day | jsonify }}|{{ page.day | date_to_string }}|{{ page.day | inspect }}",
                        "2024-03-08|2024 +00:00 +0000 00|2024-03-08T00:00:00+00:00|\"2024-03-08\"|08 Mar 2024|"
                                + "#&lt;Date: 2024-03-08 ((2460378j,0s,0n),+0s,2299161j)&gt;"),
                Arguments.of("{{ page.date | jsonify }} {{ page.date | inspect }} {{ page.n }} {{ page.n | times: 2 }} "
                        + "{{ page.big | plus: 1 }} {{ page.f }}",
                        "\"2024-03-08 09:30:00 +0100\" 2024-03-08 09:30:00 +0100 1.5 3.0 12345678901235 1.0e+20"),
                Arguments.of("{{ page.list | push: \"z\" | join }} {{ page.list | pop | join }} {{ page.list | shift | join }} "
                        + "{{ page.list | unshift: \"z\" | join }} {{ page.list | pop: 2 | join }}",
                        "b a c z b a a c z b a c b"),
                Arguments.of("{{ 'Hello \"world\" -- it is \"x\" ... <<a>> --- \"5\" (a) \"b\"' | smartify }} "
                        + "{{ \"it's 'x' '90s\" | smartify }}",
                        "Hello “world” – it is “x” … «a» — “5” (a) “b” it’s ‘x’ ’90s"),
                Arguments.of("{{ page.items | where: \"plan\", \"free\" | map: \"name\" | join }} "
                        + "{{ page.items | where: \"tags\", \"y\" | map: \"name\" | join }} "
                        + "{{ page.items | where: \"n\", 10 | map: \"name\" | join }} "
                        + "{{ page.items | where: \"n\", \"2\" | map: \"name\" | join }} "
                        + "{{ page.items | where: \"meta.k\", 1 | map: \"name\" | join }} "
                        + "{{ page.items | where: \"plan\", nil | map: \"name\" | join }}", "A C A C B C A D"),
                Arguments.of("{{ page.items | where_exp: \"i\", \"i.name > 'A'\" | map: \"name\" | join }} "
                        + "{{ page.items | where_exp: \"i\", \"i.tags contains 'x' or i.plan == 'pro'\" | map: \"name\" | join }} "
                        + "{{ page.items | find: \"plan\", \"pro\" | map: \"name\" }} "
                        + "{{ page.items | find_exp: \"i\", \"i.n == 1.5\" | map: \"name\" }}", "B C D A B B D"),
                Arguments.of("{% assign g = page.items | group_by: \"plan\" %}{% for x in g %}{{ x.name }}:{{ x.size }}:"
                        + "{{ x.items | map: \"name\" | join }};{% endfor %} {{ g | map: \"size\" | jsonify }}",
                        "free:2:A C;pro:1:B;:1:D; [2,1,1]"),
                Arguments.of("{% assign g = page.items | group_by_exp: \"i\", \"i.name | downcase\" %}"
                        + "{% for x in g %}{{ x.name }}{{ x.size }};{% endfor %}", "a1;b1;c1;d1;"),
                Arguments.of("{{ page.items | sort: \"n\" | map: \"name\" | join }} "
                        + "{{ page.items | sort: \"plan\", \"last\" | map: \"name\" | join }} "
                        + "{{ page.items | sort: \"plan\" | map: \"name\" | join }}", "D C A B A C B D D A C B"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersAsJekyll(String liquid, String jekyll) {
        Diagnostics diagnostics = new Diagnostics();
        assertThat(new TestSite().render(liquid, diagnostics)).isEqualTo(jekyll);
        assertThat(diagnostics.reported()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kbOnly")
    void rendersAsDocumented(String liquid, String expected) {
        Diagnostics diagnostics = new Diagnostics();
        assertThat(new TestSite().render(liquid, diagnostics)).isEqualTo(expected);
    }

    static Stream<Arguments> kbOnly() {
        return Stream.of(
                // sample is deterministic in kb: the first element, or the first n
                Arguments.of("{{ page.nums | sample }} {{ page.nums | sample: 2 | join: \",\" }}", "10 10,2"),
                // markdownify asks the site (TestSite wraps in <p>)
                Arguments.of("{{ \"a **b**\" | markdownify }}", "<p>a **b**</p>\n"));
    }
}
