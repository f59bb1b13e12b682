/**
 * The one JSON serializer of kb ({@link kb.json.KbJson}): every JSON text kb writes for others
 * (the search API and {@code kb search --json}, the files of a built site, the reports of
 * {@code kb stats} and {@code kb verify}) is written with the same configured Jackson mapper.
 * Depends on Jackson only.
 */
package kb.json;
