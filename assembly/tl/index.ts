// The TL scanner: walks serialized TL bytes against the compact schema table
// (see ts/tl/codec/schema-table.ts and type-code.ts) and writes a "tape" of
// 32-bit words that the JS side (ts/tl/wasm/tl-module.ts) turns into objects
// without re-checking anything: constructor dispatch by id, type checks,
// flags, every length and count against the bytes left, nesting depth.
// https://core.telegram.org/mtproto/serialize
//
// Memory: [0, 16384) holds fixed scratch (flag words per nesting level); the
// JS wrapper places the schema tables, the input and the tape from heapBase().
//
// Tape, in wire order, per value (JS reads it with the same type codes):
//   int, flags word, Bool, vector count, definition index   one word
//   long, double, int128, int256                            byte offset of the value
//   string, bytes                                           byte offset of the data, length
//   bare object, `true`                                     nothing
//   gzip_packed in place of a boxed value                   GZIP, offset, length (JS inflates)
//   a Vector where any object may appear (Object)           VECTOR, count, elements

// Type code layout (type-code.ts).
const K_INT: u32 = 0;
const K_LONG: u32 = 1;
const K_DOUBLE: u32 = 2;
const K_STRING: u32 = 3;
const K_BYTES: u32 = 4;
const K_INT128: u32 = 5;
const K_INT256: u32 = 6;
const K_BOOL: u32 = 7;
const K_TRUE: u32 = 8;
const K_FLAGS: u32 = 9;
const K_TYPE: u32 = 10;
const K_BARE: u32 = 11;
const K_OBJECT: u32 = 12;
const K_QUERY: u32 = 13;

const ID_VECTOR: u32 = 0x1cb5c415;
const ID_BOOL_TRUE: u32 = 0x997275b5;
const ID_BOOL_FALSE: u32 = 0xbc799737;
const ID_GZIP_PACKED: u32 = 0x3072cfa1;

/** Tape markers (never a definition index or a count: both stay below 2^31). */
const TAPE_GZIP: u32 = 0xffffffff;
const TAPE_VECTOR: u32 = 0xfffffffe;

// Error codes, read back with errorCode().
const E_TRUNCATED: i32 = 1;
const E_UNKNOWN_ID: i32 = 2;
const E_WRONG_TYPE: i32 = 3;
const E_COUNT: i32 = 4;
const E_STRING: i32 = 5;
const E_DEPTH: i32 = 6;
const E_VECTOR_ID: i32 = 7;
const E_BOOL: i32 = 8;
const E_TAPE_FULL: i32 = 9;

/** Definition record (32 bytes): id, info, first field, end field, minimum bare size. */
const DEF_SIZE: usize = 32;
/** info bits: type index in the low 24 bits (0xffffff for none), definition flags above. */
const INFO_FUNCTION: u32 = 1 << 24;
const INFO_BARE_ONLY: u32 = 2 << 24;
/** Field record (8 bytes): type code, condition ((slot << 5) | bit, or -1). */
const FIELD_SIZE: usize = 8;

/** Flag words of the object being scanned at each nesting level: 8 slots × 128 levels. */
const FLAGS_SCRATCH: usize = 0;
const MAX_SLOTS: u32 = 8;
const MAX_LEVELS: i32 = 128;

let defs: usize = 0;
let fields: usize = 0;
let hash: usize = 0;
let hashMask: u32 = 0;

let base: usize = 0; // input start
let end: usize = 0; // input end
let pos: usize = 0; // read position
let tape: usize = 0; // next tape word
let tapeEnd: usize = 0;
let maxDepth: i32 = 64;
let err: i32 = 0;
let errAt: u32 = 0;

/** First byte the JS side may use. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

/**
 * Points the scanner at the schema tables the JS side wrote into memory:
 * `defCount` definition records, the field records, and an open-addressing
 * hash of ids (`mask + 1` slots of id, definition index + 1).
 */
export function setTables(defsAt: usize, fieldsAt: usize, hashAt: usize, mask: u32): void {
  defs = defsAt;
  fields = fieldsAt;
  hash = hashAt;
  hashMask = mask;
}

/** Error of the last scan (0 = none). */
export function errorCode(): i32 {
  return err;
}

/** Input offset where the last scan failed. */
export function errorOffset(): u32 {
  return errAt;
}

/**
 * Scans one value of type `code` from `len` bytes at `input`, writing tape
 * words at `tapeAt` (room for `tapeWords`). Returns the number of input
 * bytes consumed, or -1 on error (see errorCode / errorOffset).
 */
export function scan(input: usize, len: u32, code: u32, tapeAt: usize, tapeWords: u32, depthLimit: i32): i32 {
  base = input;
  end = input + len;
  pos = input;
  tape = tapeAt;
  tapeEnd = tapeAt + (<usize>tapeWords << 2);
  maxDepth = depthLimit < MAX_LEVELS ? depthLimit : MAX_LEVELS;
  err = 0;
  errAt = 0;
  if (!value(code, 0)) return -1;
  return <i32>(pos - base);
}

/** Tape words written by the last successful scan. */
export function tapeUsed(tapeAt: usize): u32 {
  return <u32>((tape - tapeAt) >> 2);
}

@inline function fail(code: i32, at: usize): bool {
  err = code;
  errAt = <u32>(at - base);
  return false;
}

@inline function emit(v: u32): bool {
  if (tape >= tapeEnd) return fail(E_TAPE_FULL, pos);
  store<u32>(tape, v);
  tape += 4;
  return true;
}

@inline function need(n: usize): bool {
  return end - pos >= n;
}

function lookup(id: u32): i32 {
  let slot = (id * 0x9e3779b1) & hashMask;
  // Linear probing; the table is at most half full, so an empty slot ends every search.
  for (let probe: u32 = 0; probe <= hashMask; probe++) {
    const at = hash + (<usize>slot << 3);
    const d = load<u32>(at, 4);
    if (d == 0) return -1;
    if (load<u32>(at) == id) return <i32>d - 1;
    slot = (slot + 1) & hashMask;
  }
  return -1;
}

/** Smallest wire size of one element of a vector, to bound its count. */
function minSize(code: u32): u32 {
  const kind = code & 15;
  if (kind == K_LONG || kind == K_DOUBLE) return 8;
  if (kind == K_INT128) return 16;
  if (kind == K_INT256) return 32;
  if (kind == K_BARE) {
    const m = load<u32>(defs + (<usize>(code >> 6)) * DEF_SIZE, 16);
    return m > 0 ? m : 1;
  }
  return 4;
}

/** A TL byte string: length byte (< 254) or 254 and 3 length bytes, data, zero padding to 4. */
function frame(): bool {
  const p = pos;
  if (!need(4)) return fail(E_TRUNCATED, p);
  let len = <u32>load<u8>(p);
  let start = p + 1;
  if (len == 254) {
    len = load<u32>(p) >> 8;
    start = p + 4;
  } else if (len == 255) {
    return fail(E_STRING, p);
  }
  const total = (<usize>(start - p) + len + 3) & ~3;
  if (end - p < total) return fail(E_STRING, p);
  pos = p + total;
  return emit(<u32>(start - base)) && emit(len);
}

function gzip(): bool {
  // The id was read; the payload is a `bytes` the JS side inflates.
  return emit(TAPE_GZIP) && frame();
}

function value(code: u32, depth: i32): bool {
  const wrap = (code >> 4) & 3;
  if (wrap == 0) return single(code, depth);
  if (wrap == 1) {
    if (!need(4)) return fail(E_TRUNCATED, pos);
    const id = load<u32>(pos);
    if (id != ID_VECTOR) {
      if (id == ID_GZIP_PACKED) {
        pos += 4;
        return gzip();
      }
      return fail(E_VECTOR_ID, pos);
    }
    pos += 4;
  }
  if (!need(4)) return fail(E_TRUNCATED, pos);
  const n = load<i32>(pos);
  const elem = code & ~0x30;
  if (n < 0 || <u64>n * <u64>minSize(elem) > <u64>(end - pos - 4)) return fail(E_COUNT, pos);
  pos += 4;
  if (!emit(<u32>n)) return false;
  for (let i = 0; i < n; i++) {
    if (!single(elem, depth)) return false;
  }
  return true;
}

function single(code: u32, depth: i32): bool {
  const kind = code & 15;
  const p = pos;
  switch (kind) {
    case K_INT: {
      if (!need(4)) return fail(E_TRUNCATED, p);
      pos = p + 4;
      return emit(load<u32>(p));
    }
    case K_LONG:
    case K_DOUBLE: {
      if (!need(8)) return fail(E_TRUNCATED, p);
      pos = p + 8;
      return emit(<u32>(p - base));
    }
    case K_INT128: {
      if (!need(16)) return fail(E_TRUNCATED, p);
      pos = p + 16;
      return emit(<u32>(p - base));
    }
    case K_INT256: {
      if (!need(32)) return fail(E_TRUNCATED, p);
      pos = p + 32;
      return emit(<u32>(p - base));
    }
    case K_STRING:
    case K_BYTES:
      return frame();
    case K_BOOL: {
      if (!need(4)) return fail(E_TRUNCATED, p);
      const id = load<u32>(p);
      pos = p + 4;
      if (id == ID_BOOL_TRUE) return emit(1);
      if (id == ID_BOOL_FALSE) return emit(0);
      if (id == ID_GZIP_PACKED) return gzip();
      return fail(E_BOOL, p);
    }
    case K_BARE: {
      if (depth >= maxDepth) return fail(E_DEPTH, p);
      return object(code >> 6, depth + 1);
    }
    case K_TYPE:
    case K_OBJECT:
    case K_QUERY:
      return boxed(code, depth);
    default:
      return fail(E_WRONG_TYPE, p);
  }
}

function boxed(code: u32, depth: i32): bool {
  const p = pos;
  if (depth >= maxDepth) return fail(E_DEPTH, p);
  if (!need(4)) return fail(E_TRUNCATED, p);
  const id = load<u32>(p);
  pos = p + 4;
  const kind = code & 15;
  if (id == ID_GZIP_PACKED) return gzip();
  const d = lookup(id);
  if (d < 0) {
    if (id == ID_VECTOR && kind == K_OBJECT) return looseVector(depth);
    return fail(E_UNKNOWN_ID, p);
  }
  const info = load<u32>(defs + <usize>d * DEF_SIZE, 4);
  const isFn = (info & INFO_FUNCTION) != 0;
  // `Object` holds function calls as well as constructors: msg_container
  // items (ping next to msgs_ack), rpc_result.result, invokeAfterMsg.query are
  // `Object`s. `!X` is a function call only; a concrete type a constructor of it.
  // https://core.telegram.org/mtproto/TL-abstract-types
  let ok: bool;
  if (kind == K_TYPE) ok = !isFn && (info & 0xffffff) == code >> 6;
  else if (kind == K_QUERY) ok = isFn;
  else ok = true;
  if (!ok) return fail(E_WRONG_TYPE, p);
  return emit(<u32>d) && object(<u32>d, depth + 1);
}

/** A Vector where any object may appear: its elements are read as boxed objects. */
function looseVector(depth: i32): bool {
  if (!need(4)) return fail(E_TRUNCATED, pos);
  const n = load<i32>(pos);
  if (n < 0 || <u64>n * 4 > <u64>(end - pos - 4)) return fail(E_COUNT, pos);
  pos += 4;
  if (!emit(TAPE_VECTOR) || !emit(<u32>n)) return false;
  for (let i = 0; i < n; i++) {
    if (!boxed(K_OBJECT, depth + 1)) return false;
  }
  return true;
}

/** The fields of definition `d`, flags words first decide which optional ones are there. */
function object(d: u32, depth: i32): bool {
  const rec = defs + <usize>d * DEF_SIZE;
  const first = load<u32>(rec, 8);
  const last = load<u32>(rec, 12);
  const scratch = FLAGS_SCRATCH + (<usize>depth * MAX_SLOTS << 2);
  let slot: u32 = 0;
  for (let i = first; i < last; i++) {
    const f = fields + <usize>i * FIELD_SIZE;
    const code = load<u32>(f);
    const cond = load<i32>(f, 4);
    const kind = code & 15;
    if (kind == K_FLAGS) {
      if (!need(4)) return fail(E_TRUNCATED, pos);
      const w = load<u32>(pos);
      pos += 4;
      if (slot < MAX_SLOTS) store<u32>(scratch + (<usize>slot << 2), w);
      slot++;
      if (!emit(w)) return false;
      continue;
    }
    if (cond >= 0) {
      const which = <u32>cond >> 5;
      const w = which < MAX_SLOTS ? load<u32>(scratch + (<usize>which << 2)) : 0;
      if (kind == K_TRUE || ((w >> (<u32>cond & 31)) & 1) == 0) continue;
    }
    if (!value(code, depth)) return false;
  }
  return true;
}
