// Big-endian 32-bit words for the SHA-1 and SHA-256 message schedules and digests.

/** Big-endian u32 load without a bswap instruction (WASM has none). */
// @ts-ignore: decorator
@inline export function loadBe32(p: usize): u32 {
  const x = load<u32>(p);
  return rotl<u32>(x & 0x00ff00ff, 24) | rotl<u32>(x & 0xff00ff00, 8);
}

// @ts-ignore: decorator
@inline export function storeBe32(p: usize, x: u32): void {
  store<u32>(p, rotl<u32>(x & 0x00ff00ff, 24) | rotl<u32>(x & 0xff00ff00, 8));
}
