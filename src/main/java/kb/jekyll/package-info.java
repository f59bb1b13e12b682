/**
 * Jekyll's site model, as kb reads it from a source tree: front-matter defaults, collections and
 * posts, their URLs, {@code _data} files, and the {@code site.*} / {@code page.*} variables Liquid
 * sees. Depends on {@code config}, {@code diag} and {@code parse} only.
 */
package kb.jekyll;
