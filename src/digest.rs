//! XXH64, the 64-bit hash of the xxHash family, over bytes.
//!
//! The query cache is keyed by the XXH64 of the JSON it was built from and
//! checks its own sections with it; `graph.manifest.json` lists the XXH64
//! of every file of a build. XXH64 is no cryptographic hash: it catches
//! edits, truncation and damage, not a forger. It runs at several GB/s, and
//! public tools compute the same value (`xxhsum -H1 FILE`, Python's
//! `xxhash.xxh64(data).hexdigest()`), so anyone can check a manifest.
//!
//! `Xxh64` hashes a stream in pieces of any size and gives the same value
//! as `xxh64` over the whole.

const P1: u64 = 0x9E37_79B1_85EB_CA87;
const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const P3: u64 = 0x1656_67B1_9E37_79F9;
const P4: u64 = 0x85EB_CA77_C2B2_AE63;
const P5: u64 = 0x27D4_EB2F_1656_67C5;

#[inline(always)]
fn round(acc: u64, lane: u64) -> u64 {
    acc.wrapping_add(lane.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1)
}

#[inline(always)]
fn merge(acc: u64, v: u64) -> u64 {
    (acc ^ round(0, v)).wrapping_mul(P1).wrapping_add(P4)
}

#[inline(always)]
fn word(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// The XXH64 of `bytes`, seed 0.
pub fn xxh64(bytes: &[u8]) -> u64 {
    let mut h = Xxh64::new();
    h.update(bytes);
    h.finish()
}

/// The XXH64 of a stream, fed piece by piece.
#[derive(Debug, Clone)]
pub struct Xxh64 {
    acc: [u64; 4],
    /// Bytes of an unfinished 32-byte stripe.
    pending: [u8; 32],
    pending_len: usize,
    total: u64,
}

impl Default for Xxh64 {
    fn default() -> Self {
        Self::new()
    }
}

impl Xxh64 {
    /// A hasher with seed 0.
    pub fn new() -> Xxh64 {
        Xxh64 { acc: [P1.wrapping_add(P2), P2, 0, 0u64.wrapping_sub(P1)], pending: [0; 32], pending_len: 0, total: 0 }
    }

    #[inline(always)]
    fn stripe(acc: &mut [u64; 4], s: &[u8]) {
        acc[0] = round(acc[0], word(s, 0));
        acc[1] = round(acc[1], word(s, 8));
        acc[2] = round(acc[2], word(s, 16));
        acc[3] = round(acc[3], word(s, 24));
    }

    /// Feeds more bytes.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (32 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            Self::stripe(&mut self.acc, &block);
            self.pending_len = 0;
        }
        let mut chunks = bytes.chunks_exact(32);
        let mut acc = self.acc;
        for s in &mut chunks {
            Self::stripe(&mut acc, s);
        }
        self.acc = acc;
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    /// The hash of everything fed so far (the hasher can go on).
    pub fn finish(&self) -> u64 {
        let [v1, v2, v3, v4] = self.acc;
        let mut h = if self.total >= 32 {
            let h = v1.rotate_left(1).wrapping_add(v2.rotate_left(7)).wrapping_add(v3.rotate_left(12));
            let h = h.wrapping_add(v4.rotate_left(18));
            merge(merge(merge(merge(h, v1), v2), v3), v4)
        } else {
            P5
        };
        h = h.wrapping_add(self.total);
        let tail = &self.pending[..self.pending_len];
        let mut i = 0;
        while i + 8 <= tail.len() {
            h = (h ^ round(0, word(tail, i))).rotate_left(27).wrapping_mul(P1).wrapping_add(P4);
            i += 8;
        }
        if i + 4 <= tail.len() {
            let w = u64::from(u32::from_le_bytes(tail[i..i + 4].try_into().expect("4 bytes")));
            h = (h ^ w.wrapping_mul(P1)).rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
            i += 4;
        }
        for &b in &tail[i..] {
            h = (h ^ u64::from(b).wrapping_mul(P5)).rotate_left(11).wrapping_mul(P1);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(P2);
        h ^= h >> 29;
        h = h.wrapping_mul(P3);
        h ^ (h >> 32)
    }
}

impl std::io::Write for Xxh64 {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut v: Vec<u8> = (0..=255u8).cycle().take(768).collect();
        v.extend_from_slice(b"trame");
        v
    }

    #[test]
    fn known_values() {
        // Computed with the reference implementation (Python's xxhash 3).
        assert_eq!(xxh64(b""), 0xef46_db37_51d8_e999);
        assert_eq!(xxh64(b"a"), 0xd24e_c4f1_a98c_6e5b);
        assert_eq!(xxh64(b"abc"), 0x44bc_2cf5_ad77_0999);
        assert_eq!(xxh64(b"0123456789abcdef0123456789abcdef0"), 0xe876_84f0_8d6d_0816);
        assert_eq!(xxh64(&sample()), 0x0ec6_f440_47bb_04d1);
    }

    #[test]
    fn pieces_hash_like_the_whole() {
        let data = sample();
        let whole = xxh64(&data);
        for step in [1, 3, 7, 31, 32, 33, 100] {
            let mut h = Xxh64::new();
            for piece in data.chunks(step) {
                h.update(piece);
            }
            assert_eq!(h.finish(), whole, "pieces of {step}");
        }
    }
}
