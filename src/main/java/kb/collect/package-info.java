/**
 * Read-only maps that later builds share with earlier ones rather than copy: {@link kb.collect.Overlay}
 * (a map with some values replaced) and {@link kb.collect.Frozen} (a map its maker no longer changes).
 */
package kb.collect;
