package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import kb.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Liquid 5.4's tags. Every expected string is what jekyll 4.3.1 (Debian bookworm) wrote for the
 * same text in a scratch site with {@link TestSite}'s front matter and config.
 */
class StandardTagsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{% if page.title == \"T\" and page.list contains \"a\" %}yes{% elsif x %}no{% else %}else{% endif %}",
                        "yes"),
                Arguments.of("{% unless false %}u{% endunless %} {% case page.title %}{% when \"x\", \"T\" %}c1"
                        + "{% when \"y\" %}c2{% else %}ce{% endcase %}", "u c1"),
                Arguments.of("{% for x in page.list limit:2 offset:1 %}{{ forloop.index }}{{ forloop.index0 }}"
                        + "{{ forloop.rindex }}{{ forloop.length }}{{ forloop.first }}{{ forloop.last }}{{x}} {% endfor %}",
                        "1022truefalsea 2112falsetruec "),
                Arguments.of("{% for i in (1..5) reversed %}{{ i }}{% if i == 3 %}{% break %}{% endif %}{% endfor %} "
                        + "{% for i in (1..5) %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "543 1345"),
                Arguments.of("{% for x in nothing %}a{% else %}empty{% endfor %} {% assign a = \"x,y\" | split: \",\" %}"
                        + "{{ a | join: \"-\" }} {% capture c %}cap{{ a[0] }}{% endcapture %}{{ c }}", "empty x-y capx"),
                Arguments.of("{% increment n %}{% increment n %}{{ n }}{% decrement m %}{% decrement m %}{{ m }}"
                        + "{% assign n = 10 %}{{ n }}{% increment n %}{{ n }}", "012-1-2-210210"),
                Arguments.of("{% for i in (1..4) %}{% cycle \"a\", \"b\", \"c\" %}{% cycle \"g\": \"x\", \"y\" %}{% endfor %}",
                        "axbycxay"),
                Arguments.of("{% tablerow x in page.list cols:2 %}{{ x }}{{ tablerowloop.col }}{% endtablerow %}",
                        "<tr class=\"row1\">\n<td class=\"col1\">b1</td><td class=\"col2\">a2</td></tr>\n"
                                + "<tr class=\"row2\"><td class=\"col1\">c1</td></tr>\n"),
                Arguments.of("{% tablerow x in page.nums cols: 2 limit: 3 %}{{ x }}{{ tablerowloop.index }}"
                        + "{{ tablerowloop.first }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}"
                        + "{{ tablerowloop.row }}{% endtablerow %}",
                        "<tr class=\"row1\">\n<td class=\"col1\">101truetruefalse1</td><td class=\"col2\">22falsefalsetrue1</td></tr>\n"
                                + "<tr class=\"row2\"><td class=\"col1\">333falsetruefalse2</td></tr>\n"),
                Arguments.of("{% raw %}{{ x }}{% endraw %} {% comment %}hidden{% endcomment %} [{{- \" a \" -}}] "
                        + "[ {%- if true -%} b {%- endif -%} ]", "{{ x }}  [ a ] [b]"),
                Arguments.of("{% for x in page.nums reversed limit: 2 %}{{ x }}{% endfor %} "
                        + "{% for x in page.nums offset: 1 %}{{ x }}{% endfor %} "
                        + "{% for x in page.items limit: 1 %}{{ x.name }}{% endfor %}", "210 233 A"),
                Arguments.of("{% if page.nums contains 2 %}c{% endif %} {% if page.items == empty %}e{% endif %} "
                        + "{% if \"\" == blank %}b{% endif %} {% if nil == blank %}nb{% endif %} "
                        + "{% if page.nums.size > 2 %}s{% endif %} {% if \"abc\" contains \"b\" %}sc{% endif %}",
                        "c    s sc"),
                Arguments.of("{{ page.items[0] }} {{ page.items[0].meta }} {{ page.nums }} {{ page.items | map: \"tags\" }} "
                        + "{{ page.items.first.name }} {{ page.items.size }} {{ page.nums.last }}",
                        "{\"name\"=>\"A\", \"plan\"=>\"free\", \"n\"=>3, \"tags\"=>[\"x\", \"y\"], \"meta\"=>{\"k\"=>1}} "
                                + "{\"k\"=>1} 10233 xyy A 4 33"),
                Arguments.of("{{ page.missing.deep }}|{{ missing | size }}|{{ page.items | size }}|{{ page.items[0] | size }}|",
                        "|0|4|5|"),
                Arguments.of("{% echo page.title | upcase %}", "T"),
                Arguments.of("{% for i in (1..3) %}a{% if i == 2 %}b{% break %}{% endif %}c{% endfor %}|"
                        + "{% for i in (1..3) %}{% if i == 2 %}x{% continue %}{% endif %}{{ i }}{% endfor %}", "acab|1x3"),
                Arguments.of("a{% break %}b{{ page.title }}", "a"),
                Arguments.of("{% for i in (1..3) %}{% capture c %}x{% break %}y{% endcapture %}{{ c }}{% endfor %}{{ c }}|"
                        + "{% for i in (1..4) %}{% case i %}{% when 2 %}{% continue %}{% when 3 %}s{% break %}{% endcase %}"
                        + "{{ i }}{% endfor %}|{% for i in (1..2) %}{% unless false %}u{% break %}{% endunless %}{% endfor %}|"
                        + "{% for a in (1..2) %}{% for b in (1..3) %}{% if b == 2 %}{% break %}{% endif %}{{a}}{{b}}{% endfor %}"
                        + "{% endfor %}", "x|1s|u|1121"),
                Arguments.of("{% for x in page.list %}{% ifchanged %}{{ x | size }}{% endifchanged %}{% endfor %} "
                        + "{% tablerow x in page.list offset: 1 %}{{ x }}{% endtablerow %}",
                        "1 <tr class=\"row1\">\n<td class=\"col1\">a</td><td class=\"col2\">c</td></tr>\n"),
                Arguments.of("{% assign g = \"grp\" %}{% for i in (1..3) %}{% cycle g: \"a\", \"b\" %}{% endfor %} "
                        + "{{ nil | default: site.title }} {% if nil contains \"a\" %}y{% else %}n{% endif %} {{ 5 | size }}",
                        "aba Acme n 8"),
                Arguments.of("{% capture x %}{% for i in (1..3) %}{{ i }}{% unless forloop.last %}, {% endunless %}{% endfor %}"
                        + "{% endcapture %}{{ x | strip | split: \", \" | last }}", "3"),
                Arguments.of("{% for p in page.h %}{{ p[0] }}={{ p[1] }};{% endfor %} {{ page.h.size }} "
                        + "{% if page.h contains \"a\" %}hc{% endif %} {{ page.h | map: \"a\" }}", "a=1;b=two; 2 hc 1"),
                Arguments.of("{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ j }}{% endfor %}"
                        + "{% endfor %} {% for i in (1..6) limit: 2 %}{{ i }}{% endfor %}"
                        + "{% for i in (1..6) offset: continue limit: 2 %}{{ i }}{% endfor %}", "11122122 1234"),
                Arguments.of("{% for i in (1..6) reversed offset: 2 limit: 3 %}{{ i }}{{ forloop.length }}{% endfor %}|"
                        + "{% for i in (1..3) offset: 5 %}x{% endfor %}|{% for i in page.list offset: 5 %}x{% else %}none{% endfor %}",
                        "534333||none"),
                Arguments.of("{% assign l = 2 %}{% for i in page.list limit: l %}{{ i }}{% endfor %} "
                        + "{% case 2 %}{% when 1 %}one{% when 2 %}two{% endcase %} {% if \"b\" > \"a\" %}gt{% endif %}", "ba two gt"),
                Arguments.of("[{%- capture c -%}  x  {%- endcapture -%}{{ c }}] [{%- comment -%} y {%- endcomment -%}]", "[x] []"),
                Arguments.of("{% for x in page.list %}{% cycle \"o\", \"e\" %}{% endfor %}{% for x in page.list %}"
                        + "{% cycle \"o\", \"e\" %}{% endfor %} {% unless page.list contains \"z\" %}nz{% else %}z{% endunless %}",
                        "oeoeoe nz"),
                Arguments.of("{% if page.list.size == 3 and page.title or false %}ok{% endif %} "
                        + "{% if false or true and false %}t{% else %}f{% endif %} {{ page.list[-1] }} {{ page.list[1] }} "
                        + "{{ page[\"title\"] }}", "ok f c a T"),
                Arguments.of("a {% # inline comment %} b\n{% liquid\n  assign x = \"L\"\n  echo x\n%}", "a  b\nL"),
                Arguments.of("{% raw %}{% # kept %}{% endraw %} {%- # it's a {{ x }} comment\n  # second line -%} end "
                        + "{% liquid\n  for i in (1..3)\n    echo i\n  endfor\n  if true\n    assign z = \"Z\"\n  endif\n%}{{ z }}",
                        "{% # kept %}end 123Z"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersAsJekyll(String liquid, String jekyll) {
        Diagnostics diagnostics = new Diagnostics();
        assertThat(new TestSite().render(liquid, diagnostics)).isEqualTo(jekyll);
        assertThat(diagnostics.reported()).isEmpty();
    }
}
