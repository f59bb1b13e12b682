package kb.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.model.AppliesTo;
import kb.model.Article;
import kb.model.FooterField;
import kb.model.Section;
import kb.model.Versions;
import kb.parse.HeadingIds;

/**
 * Extracts the {@link Article} model from an article's text: header lines, "applies to" box,
 * sections and their blocks, footer fields, and citations. Fields in the page's front matter
 * (pages written by {@code kb import}) take precedence over the text's header. Never fails on
 * odd text: what it cannot place stays in the body. Stateless and thread-safe.
 */
public final class ArticleExtractor {

    private static final Pattern ID = Pattern.compile("^(Q\\d{3,8})\\b");
    private static final Pattern TITLE_ID = Pattern.compile("^\\s*(Q\\d{3,8})\\s*:\\s*");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9_]+$");

    private final BlockParser blocks = new BlockParser();

    /** The article in {@code source}, or empty when its text does not start with a KB header. */
    public Optional<Extraction> extract(ArticleSource source, Diagnostics diagnostics) {
        List<Line> lines = TextLines.split(ByteEscapes.decode(source.text()), source.firstLine());
        if (!HeaderParser.startsWithHeader(lines)) {
            return Optional.empty();
        }
        Header header = HeaderParser.parse(lines);
        Map<String, Object> fm = source.frontMatter();
        String titleText = TitleText.decode(string(fm, "title").orElse(source.title()));
        String id = idOf(header, fm, titleText);
        if (id.isEmpty()) {
            diagnostics.warning(new SourcePosition(source.file(), lineOf(lines, "article:", source.firstLine()), 1),
                    "article header has no 'Article: Q...' ID");
        }
        String title = stripId(titleText, id);

        FooterParser.Result footer = FooterParser.parse(lines.subList(header.bodyStart(), lines.size()));
        List<Line> body = footer.body();
        Optional<AppliesToParser.Box> box = AppliesToParser.parse(body, 0);
        List<Line> sectionLines = box.map(b -> body.subList(b.end(), body.size())).orElse(body);

        HeadingIds anchors = new HeadingIds();
        anchors.next(HeadingIds.typographic(TitleText.decode(source.title())));
        List<Section> sections = new ArrayList<>();
        Consumer<Line> tooDeep = line -> diagnostics.warning(new SourcePosition(source.file(), line.number(), 1),
                "list nested more than " + BlockParser.MAX_LIST_DEPTH + " levels deep; its lines are kept as written");
        for (SectionSplitter.RawSection raw : SectionSplitter.split(sectionLines)) {
            String anchor = raw.heading().isEmpty() ? "" : anchors.next(HeadingIds.typographic(raw.heading()));
            sections.add(new Section(raw.heading(), raw.level(), anchor, blocks.parse(raw.lines(), tooDeep)));
        }

        List<String> os = string(fm, "os").map(ArticleExtractor::splitList).orElse(splitList(header.os()));
        String versionText = string(fm, "versions").orElse(header.versions());
        Versions versions = VersionParser.parse(versionText, os);
        List<String> products = strings(fm, "product").orElse(header.products().isBlank()
                ? List.of() : List.of(header.products().strip()));
        String lastModifiedText = header.lastModified();
        String lastModified = string(fm, "last_modified").flatMap(KbDates::parse)
                .or(() -> KbDates.parse(lastModifiedText)).map(Object::toString).orElse("");
        if (lastModified.isEmpty() && !lastModifiedText.isBlank()) {
            diagnostics.warning(new SourcePosition(source.file(), lineOf(lines, "last modified:", source.firstLine()), 1),
                    "unreadable 'Last Modified: " + lastModifiedText + "' (expected DD-MON-YYYY)");
        }

        Article article = new Article(id, title, source.permalink(), products,
                box.map(AppliesToParser.Box::items).orElse(List.of()),
                box.map(AppliesToParser.Box::lead).orElse(""),
                productCodes(fm, header, source.listedCodes()), versions, os, header.keywords(),
                keywords(footer.fields(), fm, header.keywords()), lastModified, lastModifiedText,
                sections, footer.fields(), ReferenceFinder.find(id, sections));
        return Optional.of(new Extraction(article, join(body)));
    }

    /** The file line of the first line starting with {@code label}, or {@code fallback}. */
    private static int lineOf(List<Line> lines, String label, int fallback) {
        for (Line line : lines) {
            if (line.content().toLowerCase(Locale.ROOT).startsWith(label)) {
                return line.number();
            }
        }
        return fallback;
    }

    private static String idOf(Header header, Map<String, Object> fm, String title) {
        Matcher m = ID.matcher(header.id().strip());
        if (m.find()) {
            return m.group(1);
        }
        Optional<String> fromFm = string(fm, "id").filter(s -> ID.matcher(s).find());
        if (fromFm.isPresent()) {
            return fromFm.get();
        }
        Matcher t = TITLE_ID.matcher(title);
        return t.find() ? t.group(1) : "";
    }

    private static String stripId(String title, String id) {
        Matcher t = TITLE_ID.matcher(title);
        return t.find() && t.group(1).equalsIgnoreCase(id) ? title.substring(t.end()).strip() : title;
    }

    /** Front matter first, then the MSPL keyword column ({@code ENDUSER | | mspl13_c}), then listings. */
    private static List<String> productCodes(Map<String, Object> fm, Header header, List<String> listed) {
        Set<String> codes = new LinkedHashSet<>(strings(fm, "product_code").orElse(List.of()));
        String keywords = header.keywords();
        int bar = keywords.lastIndexOf('|');
        if (bar >= 0) {
            String last = keywords.substring(bar + 1).strip().toLowerCase(Locale.ROOT);
            if (!last.isEmpty() && CODE.matcher(last).matches()) {
                codes.add(last);
            }
        }
        codes.addAll(listed);
        return List.copyOf(codes);
    }

    /** The footer's Keywords when present (the header's is cut and sometimes glued), else front matter, else header. */
    private static List<String> keywords(List<FooterField> fields, Map<String, Object> fm, String headerKeywords) {
        for (FooterField f : fields) {
            if (f.key().equals("keywords")) {
                return f.tokens();
            }
        }
        Optional<List<String>> fromFm = strings(fm, "keywords");
        if (fromFm.isPresent()) {
            return fromFm.get().stream().flatMap(s -> List.of(s.trim().split("\\s+")).stream())
                    .filter(s -> !s.isEmpty()).toList();
        }
        String text = headerKeywords;
        int bar = text.indexOf('|');
        if (bar >= 0) {
            int last = text.lastIndexOf('|');
            text = text.substring(0, last).replace('|', ' '); // the last column is the product code
        }
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[|;,]")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static Optional<String> string(Map<String, Object> fm, String key) {
        Object v = fm.get(key);
        if (v == null || v instanceof Map<?, ?> || v instanceof Collection<?>) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(v));
    }

    private static Optional<List<String>> strings(Map<String, Object> fm, String key) {
        Object v = fm.get(key);
        if (v instanceof Collection<?> c) {
            return Optional.of(c.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList());
        }
        return string(fm, key).filter(s -> !s.isBlank()).map(List::of);
    }

    private static String join(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            sb.append(line.text()).append('\n');
        }
        return sb.toString();
    }
}
