//! A fast string-keyed map for the lexicon (`StrMap`).
//!
//! The lexicon hashes some 100,000 short keys at startup and millions of
//! token lookups per run; the standard SipHash guards against hash flooding
//! from untrusted keys, which these compiled-in and folded keys are not.
//! `StrMap` also stores its keys end to end in one buffer, so loading does
//! not allocate a `String` per key.

/// Hashes a string eight bytes at a time (a multiply-rotate hash like
/// rustc's FxHash) and keeps the best-mixed high half. The last bytes are
/// read as overlapping words rather than copied out.
#[inline]
fn tag(s: &str) -> u32 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = s.as_bytes();
    let n = bytes.len();
    let word = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
    let half = |i: usize| u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()));
    let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut h = n as u64;
    let mut i = 0;
    while i + 8 < n {
        h = mix(h, word(i));
        i += 8;
    }
    let last = match n {
        0 => 0,
        1..=3 => u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
        4..=7 => half(0) | half(n - 4) << 32,
        _ => word(n - 8),
    };
    (mix(h, last) >> 32) as u32
}

/// One slot of the open-addressing table.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Key index + 1; 0 when the slot is empty.
    key: u32,
    /// High half of the key's hash: its top bits are the home slot, and the
    /// whole skips most string comparisons.
    tag: u32,
}

/// A map from strings to values. Keys live end to end in one buffer and are
/// numbered in insertion order; lookups probe a table of key numbers.
#[derive(Debug, Clone)]
pub struct StrMap<V> {
    text: String,
    /// End of each key in `text`; key `i` starts where key `i - 1` ends.
    ends: Vec<u32>,
    values: Vec<V>,
    /// Power-of-two length, at most half full.
    slots: Vec<Slot>,
    /// 32 minus the log2 of the number of slots.
    shift: u32,
}

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap { text: String::new(), ends: Vec::new(), values: Vec::new(), slots: Vec::new(), shift: 32 }
    }
}

impl<V> StrMap<V> {
    /// Room for `additional` more keys without growing the table.
    pub fn reserve(&mut self, additional: usize) {
        let want = self.ends.len() + additional;
        self.ends.reserve(additional);
        self.values.reserve(additional);
        if want * 2 > self.slots.len() {
            self.rehash((want * 2).next_power_of_two());
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key numbered `i`.
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The value of key number `i`.
    pub fn value(&self, i: usize) -> &V {
        &self.values[i]
    }

    /// The value of key number `i`, mutable.
    pub fn value_mut(&mut self, i: usize) -> &mut V {
        &mut self.values[i]
    }

    /// The values, in key order.
    pub fn values(&self) -> &[V] {
        &self.values
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key, tag(key)).ok().map(|i| &self.values[i])
    }

    /// The number of `key`.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.find(key, tag(key)).ok()
    }

    /// Sets the value of `key`, replacing any previous one.
    pub fn insert(&mut self, key: &str, value: V) {
        match self.entry(key) {
            (_, Ok(i)) => self.values[i] = value,
            (tag, Err(slot)) => {
                self.add(key, tag, slot, value);
            }
        }
    }

    /// The number of `key`, adding it with `value()` when absent (an existing
    /// key keeps its value).
    pub fn index_or_insert(&mut self, key: &str, value: impl FnOnce() -> V) -> usize {
        match self.entry(key) {
            (_, Ok(i)) => i,
            (tag, Err(slot)) => self.add(key, tag, slot, value()),
        }
    }

    /// Finds `key`, growing the table first if needed: its tag, and its
    /// number or the empty slot where it goes.
    fn entry(&mut self, key: &str) -> (u32, Result<usize, usize>) {
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.rehash((self.slots.len() * 2).max(16));
        }
        let tag = tag(key);
        (tag, self.find(key, tag))
    }

    fn add(&mut self, key: &str, tag: u32, slot: usize, value: V) -> usize {
        let i = self.ends.len();
        self.text.push_str(key);
        self.ends.push(u32::try_from(self.text.len()).expect("lexicon keys fit in 4 GiB"));
        self.values.push(value);
        self.slots[slot] = Slot { key: i as u32 + 1, tag };
        i
    }

    /// `Ok(key number)`, or `Err(empty slot)` where `key` would go.
    #[inline]
    fn find(&self, key: &str, tag: u32) -> Result<usize, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut pos = (tag >> self.shift) as usize;
        loop {
            let s = self.slots[pos];
            if s.key == 0 {
                return Err(pos);
            }
            let i = s.key as usize - 1;
            if s.tag == tag && self.key(i) == key {
                return Ok(i);
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Moves the slots to a table of `len` (a power of two, 2 to 2^32); the
    /// tags give the new homes without hashing the keys again.
    fn rehash(&mut self, len: usize) {
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); len]);
        self.shift = 32 - len.trailing_zeros();
        let mask = len - 1;
        for s in old.into_iter().filter(|s| s.key != 0) {
            let mut pos = (s.tag >> self.shift) as usize;
            while self.slots[pos].key != 0 {
                pos = (pos + 1) & mask;
            }
            self.slots[pos] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_map_inserts_replace_and_index_or_insert_keeps() {
        let mut m: StrMap<u32> = StrMap::default();
        assert_eq!(m.get("x"), None);
        for i in 0..1000u32 {
            m.insert(&format!("key {i}"), i);
        }
        m.insert("key 7", 70);
        assert_eq!(m.index_or_insert("key 8", || 80), 8);
        assert_eq!(m.index_or_insert("", || 5), 1000);
        assert_eq!((m.len(), m.get("key 7"), m.get("key 8"), m.get("")), (1001, Some(&70), Some(&8), Some(&5)));
        assert_eq!((m.key(999), m.index_of("key 999"), m.get("key 1000")), ("key 999", Some(999), None));
    }
}
