//! A small, fast hasher for the lexicon's string keys (FNV-1a, 64 bits).
//!
//! The lexicon hashes some 100,000 short keys at startup and millions of
//! token lookups per run; the standard SipHash guards against hash flooding
//! from untrusted keys, which these compiled-in and folded keys are not.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the bytes written.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with the FNV hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_keys_hash_apart_and_lookups_work() {
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("coree du nord".into(), 1);
        m.insert("coree du sud".into(), 2);
        assert_eq!(m.get("coree du nord"), Some(&1));
        assert_eq!(m.get("coree du sud"), Some(&2));
        assert_eq!(m.get("coree"), None);
    }
}
