package kb.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A knowledge-base article with its structure and metadata, extracted from its page.
 *
 * @param id               the article ID ({@code Q319864})
 * @param title            the title without the ID prefix, entities decoded
 * @param permalink        the page's URL path ({@code /kb/319/Q319864/}), or "" when unknown
 * @param products         the {@code Product(s):} header value(s)
 * @param appliesTo        the "applies to" box's items
 * @param appliesToLead    the box's opening line ("The information in this article applies to:"), or ""
 * @param productCodes     the archive's product codes ({@code sms}), best source first
 * @param versions         the {@code Version(s):} header, parsed
 * @param operatingSystems the {@code Operating System(s):} header value(s)
 * @param headerKeywords   the {@code Keyword(s):} header as written (cut at 86 characters upstream)
 * @param keywords         keyword tokens: the footer's {@code Keywords} when present, else the header's
 * @param lastModified     the {@code Last Modified:} date in ISO form ({@code 2002-05-13}), or "" when unreadable
 * @param lastModifiedText the {@code Last Modified:} value as written ({@code 13-MAY-2002})
 * @param sections         the body, section by section, in order
 * @param fields           footer fields and in-body tag lines, in source order
 * @param references       other articles it cites, first citation of each ID, in order
 */
public record Article(String id, String title, String permalink, List<String> products,
        List<AppliesTo> appliesTo, String appliesToLead, List<String> productCodes, Versions versions,
        List<String> operatingSystems, String headerKeywords, List<String> keywords,
        String lastModified, String lastModifiedText, List<Section> sections,
        List<FooterField> fields, List<Reference> references) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(permalink, "permalink");
        products = List.copyOf(products);
        appliesTo = List.copyOf(appliesTo);
        Objects.requireNonNull(appliesToLead, "appliesToLead");
        productCodes = List.copyOf(productCodes);
        Objects.requireNonNull(versions, "versions");
        operatingSystems = List.copyOf(operatingSystems);
        Objects.requireNonNull(headerKeywords, "headerKeywords");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(lastModifiedText, "lastModifiedText");
        sections = List.copyOf(sections);
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    /** {@code Q319864: SMS: Upgrade ...}: the title as the archive shows it. */
    public String displayTitle() {
        return title.isEmpty() ? id : id + ": " + title;
    }

    /** The first product code, if any. */
    public Optional<String> productCode() {
        return productCodes.stream().findFirst();
    }

    /** The last-modified date, if it could be read. */
    public Optional<LocalDate> lastModifiedDate() {
        return lastModified.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(lastModified));
    }

    /** A footer field's value by key ({@code technology}, {@code issue_type}, ...). */
    public Optional<String> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).map(FooterField::value).findFirst();
    }

    /** A footer field's tokens by key; empty when the article has no such field. */
    public List<String> fieldTokens(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .map(FooterField::tokens).orElse(List.of());
    }

    /** {@code Technology} tokens. */
    public List<String> technology() {
        return fieldTokens("technology");
    }

    /** {@code Issue type} tokens ({@code kbbug}). */
    public List<String> issueType() {
        return fieldTokens("issue_type");
    }

    /** The article's readable text: the applies-to box, then every heading and block, in order. */
    public String text() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(appliesToLead).append('\n');
        appliesTo.forEach(a -> sb.append(a.text()).append('\n'));
        for (Section s : sections) {
            sb.append(s.heading()).append('\n');
            s.blocks().forEach(b -> sb.append(b.text()).append('\n'));
        }
        return sb.toString();
    }

    /** {@code Additional query words} tokens. */
    public List<String> additionalQueryWords() {
        return fieldTokens("additional_query_words");
    }
}
