package kb.search;

import java.util.List;

/**
 * The weights of kb's ranked query ({@link QueryBuilder}): how much each field and each signal
 * counts. Every weight is pinned by a ranking test that fails when it is zero
 * ({@code RankingWeightsTest}). {@link #DEFAULT} is what kb searches with.
 *
 * <p>A word scores in its best field only (a title word is not counted again as a body word);
 * the signals below are added to that score.
 *
 * @param title             a word in the title: someone recalling an article types its title
 * @param queryWords        a word among the article's query words (the archive's own keywords)
 * @param sections          a word in a section heading: a little more than the text beneath it
 * @param appliesTo         a word in the products and versions the article applies to
 * @param body              a word in the text
 * @param nearUnknownTitle  a title word near a word the index does not know, as a share of
 *                          {@code title}: most likely the word meant
 * @param nearRareTitle     a title word near a rare word (in fewer than three documents), as a
 *                          share of {@code title}: a rare word may be a slip too
 * @param nearCommonTitle   a title word near a known word of a short query, as a share of
 *                          {@code title}: a slip can make another real word ("Hue" for "Huge")
 * @param nearUnknownText   a word of the text near a word the index does not know: less than in
 *                          a title, as the text's vocabulary is far larger
 * @param tieBreaker        what each alternative adds beside the best one: a word's other stems
 *                          and near words, a quoted phrase's or a prefix's other fields
 * @param allWords          an article with every word: preferred, though no word is required
 * @param allInTitle        every word in the title, in any form
 * @param asWrittenInTitle  every word in the title as typed ("Using", not "Used"), times the share
 *                          of the title they make
 * @param togetherInTitle   the words together (two moves apart at most) in the title
 * @param togetherInText    the words side by side in the text (a pasted error message), before
 *                          {@code togetherPerWord}
 * @param togetherPerWord   the share of {@code togetherInText} added per word: the longer, the
 *                          surer (with 4 and 1/4, one more per word)
 * @param typedTogether     the share of {@code togetherInText} in a typed query (at most
 *                          {@link QueryBuilder#TYPED_WORDS} words): a few words side by side are
 *                          as likely a common expression as a message, and must not outweigh a
 *                          title naming them
 * @param shortMessage      the share of {@code togetherInText} for a line the article quotes on its
 *                          own (a message) when the query has at most three words; longer ones
 *                          get all of it
 * @param nearby            the words near each other in the text (twelve moves apart at most)
 * @param passage           the query's words, small ones included, in the order typed, in the
 *                          article (at least {@link QueryBuilder#PASSAGE_WORDS} of them): a
 *                          pasted passage the article holds word for word. A constant, as such a
 *                          run of words is rare however common each word is, and above what
 *                          the words score apart, so that the few articles holding it come first
 * @param id                an article named by its ID: first, whatever else matches
 */
record RankingWeights(float title, float queryWords, float sections, float appliesTo, float body,
        float nearUnknownTitle, float nearRareTitle, float nearCommonTitle, float nearUnknownText,
        float tieBreaker, float allWords, float allInTitle, float asWrittenInTitle, float togetherInTitle,
        float togetherInText, float togetherPerWord, float typedTogether, float shortMessage, float nearby,
        float passage, float id) {

    /** The weights kb searches with. */
    static final RankingWeights DEFAULT = new RankingWeights(4f, 2f, 1.2f, 1f, 1f,
            0.8f, 0.4f, 0.2f, 0.8f,
            0.1f, 2f, 6f, 6f, 6f,
            4f, 0.25f, 0.3f, 0.5f, 1.5f,
            50f, 1000f);

    /** The components' names, in order: what {@link #with} takes. */
    static final List<String> NAMES = List.of("title", "queryWords", "sections", "appliesTo", "body",
            "nearUnknownTitle", "nearRareTitle", "nearCommonTitle", "nearUnknownText",
            "tieBreaker", "allWords", "allInTitle", "asWrittenInTitle", "togetherInTitle",
            "togetherInText", "togetherPerWord", "typedTogether", "shortMessage", "nearby",
            "passage", "id");

    /** The weight of the words side by side in the text, for a query of {@code words} analyzed terms. */
    float together(int words) {
        // By default 4 + words, exactly: 1/4 and 4 are powers of two.
        return togetherInText * (1 + togetherPerWord * words);
    }

    /**
     * These weights with one of them changed (tests set each to zero in turn).
     *
     * @param name a component's name, one of {@link #NAMES}
     * @throws IllegalArgumentException for another name
     */
    RankingWeights with(String name, float value) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no ranking weight " + name + ": one of " + NAMES);
        }
        float[] v = values();
        v[i] = value;
        return new RankingWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20]);
    }

    /** The weights in the order of {@link #NAMES}. */
    float[] values() {
        return new float[] {title, queryWords, sections, appliesTo, body,
                nearUnknownTitle, nearRareTitle, nearCommonTitle, nearUnknownText,
                tieBreaker, allWords, allInTitle, asWrittenInTitle, togetherInTitle,
                togetherInText, togetherPerWord, typedTogether, shortMessage, nearby,
                passage, id};
    }
}
