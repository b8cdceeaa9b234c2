/**
 * Entity objects' hidden classes, settled once at load.
 *
 * V8 gives every object literal with the same property names in the same order one hidden
 * class (map), whoever creates it: our `{ _, offset, length }` entities share theirs with any
 * other code in the process that builds entities the same way (mtcute's parsers do). Each field
 * of a map starts as "small integers only"; the first time anyone stores a boxed number there
 * (mtcute's `ent.offset += -0` yields one), V8 deprecates the map and throws away all optimized
 * code that relied on it — ours included, at a moment that depends on what ran before. Code
 * thrown away late in warm-up was sometimes never optimized again: the same parse ran at about
 * 40 % of its speed for the rest of the process, in about one process in four.
 *
 * Widening `offset` and `length` to "any value" here, before any parser code runs, is a change
 * V8 makes in place (no deprecation) and is as general as a field gets, so nothing stored later
 * can deprecate these maps again. Loads of small integers from such fields stay cheap.
 */

/**
 * Widens the entity maps' `offset` and `length` fields (see the module comment). Literals with three
 * and with four properties start from different maps: both trees are widened. Idempotent; call at load.
 */
export function widenEntityShapes(): void {
  const three: { _: string; offset: unknown; length: unknown } = { _: '', offset: 0, length: 0 };
  three.offset = null;
  three.length = null;
  const four: { _: string; offset: unknown; length: unknown; url: string } = { _: '', offset: 0, length: 0, url: '' };
  four.offset = null;
  four.length = null;
}
