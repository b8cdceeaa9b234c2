// Fixed memory layout of the crypto module. asc places its own static data at
// `memoryBase` (16384, see asconfig.json), so [0, 16384) belongs to us: tables
// and scratch live at constant addresses that fold into load/store immediates.
// The JS wrapper (ts/wasm/crypto-module.ts) mirrors the exported addresses and
// uses memory from `__heap_base` upwards for key slots and I/O buffers.

// AES encryption T-tables, little-endian column words (4 × 1 KiB).
export const TE0: usize = 0x0000;
export const TE1: usize = 0x0400;
export const TE2: usize = 0x0800;
export const TE3: usize = 0x0c00;
// AES decryption T-tables (4 × 1 KiB).
export const TD0: usize = 0x1000;
export const TD1: usize = 0x1400;
export const TD2: usize = 0x1800;
export const TD3: usize = 0x1c00;
// S-box and inverse S-box, one byte per entry.
export const SBOX: usize = 0x2000;
export const INV_SBOX: usize = 0x2100;
// Cached AES key schedules for the one-shot IGE entry points.
export const ENC_RK: usize = 0x2400; // 60 words
export const DEC_RK: usize = 0x2500; // 60 words
export const LAST_ENC_KEY: usize = 0x2600; // 32 bytes
export const LAST_DEC_KEY: usize = 0x2620; // 32 bytes
export const KEY_FLAGS: usize = 0x2640; // u32 enc valid, u32 dec valid
// One-shot hash context (state 32 + block 64 + buffered u32 + total u64).
export const HASH_CTX: usize = 0x2700;
// Seal/open scratch.
export const MSG_KEY_LARGE: usize = 0x2800; // 32
export const SHA_A: usize = 0x2820; // 32
export const SHA_B: usize = 0x2840; // 32
export const AES_KEY: usize = 0x2860; // 32
export const AES_IV: usize = 0x2880; // 32
export const KDF_IN: usize = 0x28c0; // 64 (52 used)
export const BLOCK_TMP: usize = 0x2900; // 16: one AES block in flight
export const MSG_KEY_CHECK: usize = 0x2920; // 32
export const CTX_TMP: usize = 0x2a00; // 128: a second hash context for seal/open
// The inverse S-box as four 1 KiB word tables, byte r of the word = InvSubBytes
// for row r (the other bytes zero): the last decryption round is then the same
// shift, and, load, xor as every other round (aes-ige256.ts).
export const TDL0: usize = 0x3000;
export const TDL1: usize = 0x3400;
export const TDL2: usize = 0x3800;
export const TDL3: usize = 0x3c00;

// Hash context layout (both SHA-1 and SHA-256 use it).
export const CTX_STATE: usize = 0; // 8 × u32 (SHA-1 uses 5)
export const CTX_BLOCK: usize = 32; // 64 bytes
export const CTX_BUFLEN: usize = 96; // u32
export const CTX_TOTAL: usize = 104; // u64 bytes hashed
export const CTX_SIZE: usize = 112;

// CTR context layout (allocated by JS in a key slot).
export const CTR_RK: usize = 0; // 60 words
export const CTR_COUNTER: usize = 240; // 16 bytes, big-endian counter block
export const CTR_STREAM: usize = 256; // 16 bytes of keystream
export const CTR_POS: usize = 272; // u32: used bytes of CTR_STREAM (16 = none left)
export const CTR_NR: usize = 276; // u32: rounds
export const CTR_SIZE: usize = 288;

// Auth key slot layout.
export const AK_KEY: usize = 0; // 256 bytes
export const AK_ID: usize = 256; // 8 bytes auth_key_id
export const AK_SIZE: usize = 272;
