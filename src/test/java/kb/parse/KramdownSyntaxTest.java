package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * kramdown's extensions as Jekyll 4.3.1 uses them (kramdown 2.4, GFM input, Jekyll's defaults).
 * Every expected HTML is Jekyll's own output for the Markdown above it, copied verbatim from
 * {@code jekyll build} on a scratch site (Debian's jekyll 4.3.1+dfsg-3+deb12u1, ruby-kramdown
 * 2.4.0, ruby-kramdown-parser-gfm 1.1.0, ruby-rouge 3.30.0). kb's HTML is compared after
 * {@link #comparable}: white space between tags (kramdown indents its blocks, Flexmark does not)
 * and Rouge's token spans inside code (kb does not colour code; the text is the same) do not
 * count. Where kb still differs, the test says so and pins kb's output.
 */
class KramdownSyntaxTest {

    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private static final Pattern ROUGE_SPAN = Pattern.compile("<span class=\"[a-z0-9 ]+\">|</span>");

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** HTML as compared: no white space between tags, no Rouge token spans. */
    static String comparable(String html) {
        return BETWEEN_TAGS.matcher(ROUGE_SPAN.matcher(html).replaceAll("")).replaceAll("><").strip();
    }

    private void assertSameAsJekyll(String markdownText, String jekyllHtml) {
        assertThat(comparable(markdown.render(markdownText))).isEqualTo(comparable(jekyllHtml));
    }

    /** As {@link #assertSameAsJekyll}, but where Jekyll has a plain {@code "} in text kb has {@code &quot;}. */
    private void assertSameAsJekyllButEscapedQuotes(String markdownText, String jekyllHtml) {
        String jekyllAsKb = Pattern.compile(">([^<]*)<").matcher(comparable(jekyllHtml))
                .replaceAll(m -> ">" + m.group(1).replace("\"", "&quot;").replace("$", "\\$") + "<");
        assertThat(comparable(markdown.render(markdownText))).isEqualTo(jekyllAsKb);
    }

    @Nested
    class AttributeLists {

        @Test
        void ialAfterAParagraphGoesToIt() {
            assertSameAsJekyll("""
                Acme Sync keeps one folder in step.
                {: .lead }
                """, """
                <p class="lead">Acme Sync keeps one folder in step.</p>
                """);
        }

        @Test
        void ialWithClassIdAndKeyValue() {
            assertSameAsJekyll("""
                Para three.
                {: .a #b key="v"}
                """, """
                <p class="a" id="b" key="v">Para three.</p>
                """);
        }

        @Test
        void ialOnAHeadingComesBeforeItsAutomaticId() {
            assertSameAsJekyll("""
                # Getting started
                {:.no_toc .big}
                """, """
                <h1 class="no_toc big" id="getting-started">Getting started</h1>
                """);
        }

        @Test
        void ialIdReplacesTheHeadingId() {
            assertSameAsJekyll("""
                ## Create an account
                {:#create-account}

                ## Another
                {:#x2 .y}
                """, """
                <h2 id="create-account">Create an account</h2>

                <h2 id="x2" class="y">Another</h2>
                """);
        }

        @Test
        void headerIdSyntaxOnAtxAndSetextHeadings() {
            assertSameAsJekyll("""
                ## Install the app {#install-the-app}

                Setext two {#sid2}
                ----------
                """, """
                <h2 id="install-the-app">Install the app</h2>

                <h2 id="sid2">Setext two</h2>
                """);
        }

        @Test
        void ialOnListTableAndBlockquote() {
            assertSameAsJekyll("""
                - a
                - b
                {: .list}

                | a | b |
                |---|---|
                | 1 | 2 |
                {: .tbl}

                > quote
                {: .q}
                """, """
                <ul class="list">
                  <li>a</li>
                  <li>b</li>
                </ul>

                <table class="tbl">
                  <thead>
                    <tr>
                      <th>a</th>
                      <th>b</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>1</td>
                      <td>2</td>
                    </tr>
                  </tbody>
                </table>

                <blockquote class="q">
                  <p>quote</p>
                </blockquote>
                """);
        }

        @Test
        void ialOnDefinitionList() {
            assertSameAsJekyll("""
                term
                : def
                {: .dl}
                """, """
                <dl class="dl">
                  <dt>term</dt>
                  <dd>def</dd>
                </dl>
                """);
        }

        @Test
        void ialBeforeABlockGoesToTheNextBlock() {
            assertSameAsJekyll("""
                Intro.

                {: .before}
                Para after ial.
                """, """
                <p>Intro.</p>

                <p class="before">Para after ial.</p>
                """);
        }

        @Test
        void ialBetweenBlankLinesGoesToTheNextBlock() {
            assertSameAsJekyll("""
                Para

                {: .lonely}

                Para2
                """, """
                <p>Para</p>

                <p class="lonely">Para2</p>
                """);
        }

        @Test
        void consecutiveIalsMerge() {
            assertSameAsJekyll("""
                Para with two
                {: .one}
                {: .two #two}
                """, """
                <p class="one two" id="two">Para with two</p>
                """);
        }

        @Test
        void aldIsUsedByReference() {
            assertSameAsJekyll("""
                {:ref: .refclass #refid}

                Para with ref
                {: ref .own}
                """, """

                <p class="refclass own" id="refid">Para with ref</p>
                """);
        }

        @Test
        void spanIalsAfterInlineElements() {
            assertSameAsJekyll("""
                Text *x*{: .y} and **b**{:#bid} and [l](http://a.example){: .lk} and `c`{: .cc}.
                """, """
                <p>Text <em class="y">x</em> and <strong id="bid">b</strong> and <a href="http://a.example" class="lk">l</a> and <code class="language-plaintext cc highlighter-rouge">c</code>.</p>
                """);
        }

        @Test
        void spanIalAfterPlainTextStaysText() {
            // kramdown leaves an IAL that follows plain text as text.
            assertSameAsJekyll("""
                text{: .t} and "*x*{: .y}"
                """, """
                <p>text{: .t} and “<em class="y">x</em>”</p>
                """);
        }

        @Test
        void fixtureLeadParagraphAndTitledTip() {
            // From jekyll-full's getting-started/index.md.
            assertSameAsJekyll("""
                Drag files into the folder. A small icon on each file shows whether it is *synced*, *syncing* or *waiting*.
                {:#file-icons .tip title="File icons"}
                """, """
                <p id="file-icons" class="tip" title="File icons">Drag files into the folder. A small icon on each file shows whether it is <em>synced</em>, <em>syncing</em> or <em>waiting</em>.</p>
                """);
        }

        @Test
        void ialLinesInCodeAndRawHtmlStayTextAndInATightItemAreLost() {
            // kramdown gives the IAL in the item to its paragraph, which a tight item does not write.
            assertSameAsJekyll("""
                ```
                {: .x}
                ```

                <div class="raw">
                {: .y}
                </div>

                - item
                  {: .li}
                - two

                # Head
                {: .h}
                Para right after.
                """, """
                <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>{: .x}
                </code></pre></div></div>

                <div class="raw">
                {: .y}
                </div>

                <ul>
                  <li>item</li>
                  <li>two</li>
                </ul>

                <h1 class="h" id="head">Head</h1>
                <p>Para right after.</p>
                """);
        }
    }

    @Nested
    class TableOfContents {

        @Test
        void tocListsHeadingsNestedByLevelWithoutNoToc() {
            assertSameAsJekyll("""
                # Top
                {:.no_toc}

                * TOC
                {:toc}

                Intro.

                ## A one

                ### A sub "quoted" `code`

                #### deep

                ## B two
                {:.no_toc}

                ## C three

                # Second h1
                """, """
                <h1 class="no_toc" id="top">Top</h1>

                <ul id="markdown-toc">
                  <li><a href="#a-one" id="markdown-toc-a-one">A one</a>    <ul>
                      <li><a href="#a-sub-quoted-code" id="markdown-toc-a-sub-quoted-code">A sub “quoted” <code class="language-plaintext highlighter-rouge">code</code></a>        <ul>
                          <li><a href="#deep" id="markdown-toc-deep">deep</a></li>
                        </ul>
                      </li>
                    </ul>
                  </li>
                  <li><a href="#c-three" id="markdown-toc-c-three">C three</a></li>
                  <li><a href="#second-h1" id="markdown-toc-second-h1">Second h1</a></li>
                </ul>

                <p>Intro.</p>

                <h2 id="a-one">A one</h2>

                <h3 id="a-sub-quoted-code">A sub “quoted” <code class="language-plaintext highlighter-rouge">code</code></h3>

                <h4 id="deep">deep</h4>

                <h2 class="no_toc" id="b-two">B two</h2>

                <h2 id="c-three">C three</h2>

                <h1 id="second-h1">Second h1</h1>
                """);
        }

        @Test
        void tocUnwrapsLinksInHeadings() {
            assertSameAsJekyll("""
                * TOC
                {:toc}

                ## See [the guide](http://g.example)

                ### Level three

                ## Back to two
                """, """
                <ul id="markdown-toc">
                  <li><a href="#see-the-guide" id="markdown-toc-see-the-guide">See the guide</a>    <ul>
                      <li><a href="#level-three" id="markdown-toc-level-three">Level three</a></li>
                    </ul>
                  </li>
                  <li><a href="#back-to-two" id="markdown-toc-back-to-two">Back to two</a></li>
                </ul>

                <h2 id="see-the-guide">See <a href="http://g.example">the guide</a></h2>

                <h3 id="level-three">Level three</h3>

                <h2 id="back-to-two">Back to two</h2>
                """);
        }
    }

    @Nested
    class DefinitionLists {

        @Test
        void severalTermsAndDefinitions() {
            assertSameAsJekyll("""
                term
                : definition

                term2
                : def a
                : def b

                t1
                t2
                : shared
                """, """
                <dl>
                  <dt>term</dt>
                  <dd>definition</dd>
                  <dt>term2</dt>
                  <dd>def a</dd>
                  <dd>def b</dd>
                  <dt>t1</dt>
                  <dt>t2</dt>
                  <dd>shared</dd>
                </dl>
                """);
        }

        @Test
        void definitionAfterABlankLineOrWithTwoParagraphsIsLoose() {
            assertSameAsJekyll("""
                apple
                : *red* fruit

                : lazy
                  continued

                term3

                : loose def

                  second para
                """, """
                <dl>
                  <dt>apple</dt>
                  <dd><em>red</em> fruit</dd>
                  <dd>
                    <p>lazy
                continued</p>
                  </dd>
                  <dt>term3</dt>
                  <dd>
                    <p>loose def</p>

                    <p>second para</p>
                  </dd>
                </dl>
                """);
        }
    }

    @Nested
    class Footnotes {

        @Test
        void footnotesAreNumberedByFirstReferenceAndKeepTheirNames() {
            assertSameAsJekyll("""
                First[^z] then[^a] and again[^z].

                [^a]: The a note.
                [^z]: The z note.
                [^unused]: Never referenced.
                """, """
                <p>First<sup id="fnref:z" role="doc-noteref"><a href="#fn:z" class="footnote" rel="footnote">1</a></sup> then<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">2</a></sup> and again<sup id="fnref:z:1" role="doc-noteref"><a href="#fn:z" class="footnote" rel="footnote">1</a></sup>.</p>

                <div class="footnotes" role="doc-endnotes">
                  <ol>
                    <li id="fn:z" role="doc-endnote">
                      <p>The z note.\u00A0<a href="#fnref:z" class="reversefootnote" role="doc-backlink">&#8617;</a>\u00A0<a href="#fnref:z:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>
                    </li>
                    <li id="fn:a" role="doc-endnote">
                      <p>The a note.\u00A0<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                  </ol>
                </div>
                """);
        }

        @Test
        void footnoteEndingInAListGetsItsBacklinkInAParagraph() {
            assertSameAsJekyll("""
                Text[^l].

                [^l]: - item one
                    - item two
                """, """
                <p>Text<sup id="fnref:l" role="doc-noteref"><a href="#fn:l" class="footnote" rel="footnote">1</a></sup>.</p>

                <div class="footnotes" role="doc-endnotes">
                  <ol>
                    <li id="fn:l" role="doc-endnote">
                      <ul>
                        <li>item one</li>
                        <li>item two</li>
                      </ul>
                      <p><a href="#fnref:l" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                  </ol>
                </div>
                """);
        }

        @Test
        void undefinedFootnoteStaysText() {
            assertSameAsJekyll("""
                Missing[^nope] here.
                """, """
                <p>Missing[^nope] here.</p>
                """);
        }
    }

    @Nested
    class Abbreviations {

        @Test
        void abbreviationsMarkWholeWordsAndTheDefinitionDisappears() {
            assertSameAsJekyll("""
                The HTML spec and HTML5 and XHTML and html.

                *[HTML]: Hyper Text Markup Language
                *[W3C]:  World Wide Web Consortium

                W3C says HTML. `HTML` in code.

                ## HTML heading
                """, """
                <p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec and HTML5 and XHTML and html.</p>

                <p><abbr title="World Wide Web Consortium">W3C</abbr> says <abbr title="Hyper Text Markup Language">HTML</abbr>. <code class="language-plaintext highlighter-rouge">HTML</code> in code.</p>

                <h2 id="html-heading"><abbr title="Hyper Text Markup Language">HTML</abbr> heading</h2>
                """);
        }

        @Test
        void abbreviationsNextToTypography() {
            // From jekyll-full's account/two-factor.md.
            assertSameAsJekyll("""
                Open **Account → Security** and choose "Turn on 2FA". A TOTP app -- or "SMS".

                *[2FA]: two-factor authentication
                *[SMS]: Short Message Service
                *[TOTP]: time-based one-time password
                """, """
                <p>Open <strong>Account → Security</strong> and choose “Turn on <abbr title="two-factor authentication">2FA</abbr>”. A <abbr title="time-based one-time password">TOTP</abbr> app – or “<abbr title="Short Message Service">SMS</abbr>”.</p>

                """);
        }
    }

    @Nested
    class Typography {

        @Test
        void apostrophesAfterElementsAndEscapedQuotes() {
            // kb writes an escaped quote as &quot; where kramdown writes it as is: the same text.
            assertSameAsJekyllButEscapedQuotes("""
                The `app`'s name, **bold**'s, \\"escaped\\" and \\'single\\'.

                Lists: "a", "b".

                'Single at start' and "quote at start".
                """, """
                <p>The <code class="language-plaintext highlighter-rouge">app</code>’s name, <strong>bold</strong>’s, "escaped" and 'single'.</p>

                <p>Lists: “a”, “b”.</p>

                <p>‘Single at start’ and “quote at start”.</p>
                """);
        }

        @Test
        void quotesApostrophesAndSymbols() {
            assertSameAsJekyll("""
                "double" and 'single' quotes, it's, the '90s, 5'10" tall.

                en -- dash, em --- dash, ellipsis... and << a >> and <<b>> and -> arrow.

                `"code" -- ...` kept.
                """, """
                <p>“double” and ‘single’ quotes, it’s, the ’90s, 5’10” tall.</p>

                <p>en – dash, em — dash, ellipsis… and «\u00A0a\u00A0» and «b» and -&gt; arrow.</p>

                <p><code class="language-plaintext highlighter-rouge">"code" -- ...</code> kept.</p>
                """);
        }

        @Test
        void quotesAroundElementsAndNestedQuotes() {
            assertSameAsJekyll("""
                "*emph*" and "[link](http://x.example)" and ("paren") and "end".

                Single 'quote' at start. 'Tis. rock 'n' roll. "Nested 'inner' quote".

                He said, "'Quoted' words in a larger quote."

                x--y a---b c...d
                """, """
                <p>“<em>emph</em>” and “<a href="http://x.example">link</a>” and (“paren”) and “end”.</p>

                <p>Single ‘quote’ at start. ‘Tis. rock ‘n’ roll. “Nested ‘inner’ quote”.</p>

                <p>He said, “‘Quoted’ words in a larger quote.”</p>

                <p>x–y a—b c…d</p>
                """);
        }

        @Test
        void headingsGetTypographyAndIdsWithoutIt() {
            assertSameAsJekyll("""
                ## "Quoted" heading -- with 'apostrophe' ...

                ## What's new

                ## Use `--force` now

                ## Error SU995034 -- Invalid
                """, """
                <h2 id="quoted-heading--with-apostrophe-">“Quoted” heading – with ‘apostrophe’ …</h2>

                <h2 id="whats-new">What’s new</h2>

                <h2 id="use---force-now">Use <code class="language-plaintext highlighter-rouge">--force</code> now</h2>

                <h2 id="error-su995034--invalid">Error SU995034 – Invalid</h2>
                """);
        }
    }

    @Nested
    class Code {

        @Test
        void fencedCodeWithAKnownLanguage() {
            // Rouge's token spans are left out: the text is the same.
            assertSameAsJekyll("""
                ```ruby
                def x
                  "y" < 1 && z
                end
                ```

                ~~~ js
                var a;
                ~~~
                """, """
                <div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="k">def</span> <span class="nf">x</span>
                  <span class="s2">"y"</span> <span class="o">&lt;</span> <span class="mi">1</span> <span class="o">&amp;&amp;</span> <span class="n">z</span>
                <span class="k">end</span>
                </code></pre></div></div>

                <div class="language-js highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="kd">var</span> <span class="nx">a</span><span class="p">;</span>
                </code></pre></div></div>
                """);
        }

        @Test
        void fencedCodeWithoutLanguageIsPlaintext() {
            assertSameAsJekyll("""
                ```
                plain <b>
                ```
                """, """
                <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>plain &lt;b&gt;
                </code></pre></div></div>
                """);
        }

        @Test
        void fencedCodeInALanguageRougeDoesNotKnowIsAPlainPre() {
            assertSameAsJekyll("""
                ```foo
                x
                ```
                """, """
                <pre><code class="language-foo">x
                </code></pre>
                """);
        }

        @Test
        void indentedCodeIsPlaintext() {
            assertSameAsJekyll("""
                Intro

                \tArticle: Q319864
                \t  indented <Filename> & more

                \tlast line
                """, """
                <p>Intro</p>

                <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>Article: Q319864
                  indented &lt;Filename&gt; &amp; more

                last line
                </code></pre></div></div>
                """);
        }

        @Test
        void inlineCodeIsPlaintext() {
            assertSameAsJekyll("""
                Inline `code <x> "q"` here.
                """, """
                <p>Inline <code class="language-plaintext highlighter-rouge">code &lt;x&gt; "q"</code> here.</p>
                """);
        }

        @Test
        void ialClassesGoBetweenTheLanguageAndHighlighterClasses() {
            assertSameAsJekyll("""
                    code
                {: .c}

                ```ruby
                x = 1
                ```
                {: .f #fid}
                """, """
                <div class="language-plaintext c highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code
                </code></pre></div></div>

                <div class="language-ruby f highlighter-rouge" id="fid"><div class="highlight"><pre class="highlight"><code><span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>
                </code></pre></div></div>
                """);
        }
    }

    @Nested
    class MarkdownHtml {

        @Test
        void markdownAttributeMakesTheContentMarkdown() {
            assertSameAsJekyll("""
                <div markdown="1">
                *emph* in div

                - list
                </div>

                <section markdown="1">
                ## Heading in section

                Para
                </section>
                """, """
                <div>
                  <p><em>emph</em> in div</p>

                  <ul>
                    <li>list</li>
                  </ul>
                </div>

                <section>
                  <h2 id="heading-in-section">Heading in section</h2>

                  <p>Para</p>
                </section>
                """);
        }

        @Test
        void detailsWithSummary() {
            assertSameAsJekyll("""
                <details markdown="1">
                <summary>Sum</summary>

                **bold** inside
                </details>
                """, """
                <details>
                  <summary>Sum</summary>

                  <p><strong>bold</strong> inside</p>
                </details>
                """);
        }

        @Test
        void htmlBlockWithoutTheAttributeStaysRaw() {
            assertSameAsJekyll("""
                <div class="raw">
                *not*
                </div>
                """, """
                <div class="raw">
                *not*
                </div>
                """);
        }

        @Test
        void otherAttributesAreKeptAndIndentedCodeWorks() {
            assertSameAsJekyll("""
                <div markdown="1" class="x">
                    indented code
                </div>
                """, """
                <div class="x">
                  <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>indented code
                </code></pre></div>  </div>
                </div>
                """);
        }
    }

    @Nested
    class Gfm {

        @Test
        void taskListsMarkTheListAndItsItemsFromTheFirstTask() {
            assertSameAsJekyll("""
                - plain first
                - [ ] todo
                - [x] done
                - plain

                1. [ ] numbered
                2. [X] num done
                """, """
                <ul class="task-list">
                  <li>plain first</li>
                  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />todo</li>
                  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>
                  <li class="task-list-item">plain</li>
                </ul>

                <ol class="task-list">
                  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />numbered</li>
                  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />num done</li>
                </ol>
                """);
        }

        @Test
        void tableAlignmentIsAStyle() {
            assertSameAsJekyll("""
                | L | C | R | N |
                |:--|:-:|--:|---|
                | a | b | c | d |
                """, """
                <table>
                  <thead>
                    <tr>
                      <th style="text-align: left">L</th>
                      <th style="text-align: center">C</th>
                      <th style="text-align: right">R</th>
                      <th>N</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td style="text-align: left">a</td>
                      <td style="text-align: center">b</td>
                      <td style="text-align: right">c</td>
                      <td>d</td>
                    </tr>
                  </tbody>
                </table>
                """);
        }
    }
}
