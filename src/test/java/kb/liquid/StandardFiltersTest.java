package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import kb.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Liquid 5.4's filters; every expected string is jekyll 4.3.1's output for the same text (see {@link TestSite}). */
class StandardFiltersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{ 12.5 | times: 12 }} {{ 0 | minus: 0.0 }} {{ 1000 | divided_by: 3 }} "
                        + "{{ 1000 | divided_by: 3.0 | round: 1 }} {{ 7 | modulo: 3 }} {{ 3.7 | ceil }} {{ 3.7 | floor }} "
                        + "{{ -3 | abs }} {{ 1.5 | plus: 1 }} {{ \"3\" | plus: 2 }} {{ 10 | divided_by: 4.0 }}",
                        "150.0 0.0 333 333.3 1 4 3 3 2.5 5 2.5"),
                Arguments.of("{{ \"hello world\" | capitalize }} {{ \"Hi\" | upcase }} "
                        + "{{ \"a b c\" | split: \" \" | reverse | join: \",\" }} {{ \"abcdef\" | slice: 1, 3 }} "
                        + "{{ \"abcdefghijkl\" | truncate: 8 }} {{ \"one two three four\" | truncatewords: 2 }} "
                        + "{{ \"a\\nb\" | newline_to_br }}",
                        "Hello world HI c,b,a bcd abcde... one two... a\\nb"),
                Arguments.of("{{ \"<p>x & y</p>\" | escape }} {{ \"&amp; <\" | escape_once }} {{ \"<b>x</b>\" | strip_html }} "
                        + "{{ \"a b\" | url_encode }} {{ nil | default: \"d\" }} {{ false | default: \"d\", allow_false: true }} "
                        + "{{ \"  x  \" | strip }}|",
                        "&lt;p&gt;x &amp; y&lt;/p&gt; &amp; &lt; x a+b d false x|"),
                // As jekyll 4.3.1 renders it (a scratch page; also the fixture's reference/api.md): CGI.escapeHTML escapes ' too.
                Arguments.of("{{ \"<b>Tom & Jerry's</b>\" | escape }}, once: {{ \"&amp; <b>'&#39;\" | escape_once }}",
                        "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;, once: &amp; &lt;b&gt;&#39;&#39;"),
                Arguments.of("{{ page.list | sort | first }} {{ page.list | last }} {{ page.list | size }} {{ \"abc\" | size }} "
                        + "{{ page.list | uniq | join }} {{ page.list | concat: page.list | size }} {{ page.list }}",
                        "a c 3 3 b a c 6 bac"),
                Arguments.of("{{ page.date }} {{ page.date | date: \"%Y-%m-%d %H:%M %Z %z %a %A %B %j %-m/%-d/%y %I %p %e\" }} "
                        + "{{ \"2024-03-08\" | date: \"%b %-d, %Y %Z\" }} {{ \"now\" | date: \"%Y\" | size }}",
                        "2024-03-08 09:30:00 +0100 2024-03-08 09:30  +0100 Fri Friday March 068 3/8/24 09 AM  8 "
                                + "Mar 8, 2024 UTC 4"),
                Arguments.of("{{ 5 | at_least: 7 }} {{ 5 | at_most: 3 }} {{ \"a,b,,c\" | split: \",\" | compact | size }} "
                        + "{{ \"x\" | append: \"y\" | prepend: \"w\" }} {{ \"aab\" | replace: \"a\", \"c\" }} "
                        + "{{ \"aab\" | replace_first: \"a\", \"c\" }} {{ \"aab\" | remove: \"a\" }} {{ \"aab\" | remove_first: \"a\" }}",
                        "7 3 4 wxy ccb cab b ab"),
                Arguments.of("{{ \"  a  \" | lstrip }}|{{ \"  a  \" | rstrip }}|{{ \"a\\n b\" | strip_newlines }} "
                        + "{{ 3.14159 | round: 2 }} {{ 2.5 | round }} {{ 1e3 | times: 1 }} {{ 10 | divided_by: 0.0 }}",
                        "a  |  a|a\\n b 3.14 3 0 Infinity"),
                Arguments.of("{{ 5 | date: \"%Y\" }} {{ \"nothing\" | date: \"%Y\" }} "
                        + "{{ \"2024-01-15 09:30:00 +0100\" | date: \"%H:%M %Z|%z\" }} {{ \"2024-01-15\" | date: \"%H:%M %Z %s\" }}",
                        "1970 nothing 09:30 |+0100 00:00 UTC 1705276800"),
                Arguments.of("{{ \"abcdefghij\" | truncate: 5, \"!\" }} {{ \"a b c d\" | truncatewords: 2, \"\" }} "
                        + "{{ \"hello\" | slice: -3, 2 }} {{ \"a%20b\" | url_decode }} {{ nil | escape }}|{{ \"-3\" | abs }} "
                        + "{{ -2.567 | round: 1 }}", "abcd! a b ll a b |3 -2.6"),
                Arguments.of("{{ 0.1 | plus: 0.2 }} {{ \"2.5\" | times: 2 }} {{ 7 | modulo: 2.5 }} {{ 5 | divided_by: 2 }} "
                        + "{{ -5 | divided_by: 2 }} {{ 2 | times: 2.0 }} {{ 10 | minus: 2.5 }} {{ 1 | plus: \"x\" }}",
                        "0.3 5.0 2.0 2 -3 4.0 7.5 1"),
                Arguments.of("{{ -5 | modulo: 3 }}|{{ 5.5 | modulo: 2 }}|{{ \"3.5\" | plus: \"1.5\" }}|{{ nil | plus: 1 }}|"
                        + "{{ \"12px\" | times: 2 }}|{{ 3 | at_least: \"x\" }}|{{ 2.5 | round: \"1\" }}|{{ -7 | divided_by: 2.0 }}|"
                        + "{{ page.list | first }}|{{ page.list.first }}|{{ \"abc\" | last }}", "1|1.5|5.0|1|24|3|2.5|-3.5|b|b|"),
                Arguments.of("{{ \"a,b\" | split: \"\" | join: \"-\" }} {{ \"\" | split: \",\" | size }} {{ \"abc\" | first }} "
                        + "{{ page.list | first | upcase }} {{ \"hi\" | append: 5 }} {{ 5 | append: 5 }} {{ page.list | join: 1 }}",
                        "a-,-b 0  B hi5 55 b1a1c"),
                Arguments.of("{{ \"Hello\" | remove: \"l\" | size }} {{ \"x\" | default: \"y\" }} {{ \"\" | default: \"y\" }} "
                        + "{{ page.list | where_exp: \"x\", \"x != 'a'\" | join }} {{ true }} {{ false }} {{ nil }}|{{ 1.0 }} {{ -0.0 }}",
                        "3 x y b c true false |1.0 -0.0"),
                Arguments.of("{{ \"a,b,,c,,\" | split: \",\" | size }}|{{ \",a\" | split: \",\" | first }}|"
                        + "{{ \"\" | split: \",\" | size }}|{{ \",,\" | split: \",\" | size }}|{{ \"abc\" | split: \"\" | join: \".\" }}|"
                        + "{{ nil | split: \",\" | size }}|{{ \" a  b \" | split: \" \" | join: \".\" }}", "4||0|0|a.b.c|0|a.b"),
                Arguments.of("{{ \"a\" | append: page.missing }}|{{ page.missing | append: \"b\" }}|"
                        + "{{ page.list | map: \"x\" | compact | size }}", "a|b|0"),
                Arguments.of("{{ page.title | escape | append: \"&\" | xml_escape }} {{ \"  a  b \" | split: \" \" | size }} "
                        + "{{ \"a-b-c\" | split: \"-\" | reverse | first }} "
                        + "{{ \"Hello World\" | downcase | replace: \" \", \"-\" | slugify }}", "T&amp; 2 c hello-world"),
                Arguments.of("{{ page.nums | sort | join: \",\" }} {{ page.nums | sort_natural | join: \",\" }}",
                        "2,10,33 10,2,33"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersAsJekyll(String liquid, String jekyll) {
        Diagnostics diagnostics = new Diagnostics();
        assertThat(new TestSite().render(liquid, diagnostics)).isEqualTo(jekyll);
        assertThat(diagnostics.reported()).isEmpty();
    }
}
