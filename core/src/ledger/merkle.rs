//! The Merkle tree of a batch's rows, as RFC 6962 (Certificate Transparency) defines it: a
//! leaf's hash is SHA-256 of `00` and its bytes, a node's of `01` and its two children's, and a
//! tree of `n` rows splits at the largest power of two below `n`. The batch entry's hash
//! covers the root, so any row changed, added, dropped or moved is detected; and one row's
//! inclusion is proven by the `log₂ n` hashes beside its path, without the other rows.
//!
//! ```
//! use chiso::ledger::merkle::{self, Digest};
//! let leaves: Vec<Digest> = ["a", "b", "c"].iter().map(|row| merkle::leaf(row.as_bytes())).collect();
//! let root = merkle::root(&leaves);
//! let proof = merkle::proof(&leaves, 2).unwrap();
//! assert_eq!(proof.len(), 1); // "c" is proven by the node over "a" and "b" alone
//! assert!(merkle::verify(leaves[2], 2, leaves.len(), &proof, root));
//! assert!(!merkle::verify(leaves[1], 2, leaves.len(), &proof, root));
//! ```

use sha2::{Digest as _, Sha256};

/// A SHA-256 digest.
pub type Digest = [u8; 32];

/// The hash of a leaf holding `bytes`.
pub fn leaf(bytes: &[u8]) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update([0]);
    hasher.update(bytes);
    hasher.finalize().into()
}

fn node(left: &Digest, right: &Digest) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update([1]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The largest power of two below `n` (for `n` ≥ 2).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// The root over `leaves`, in order (the tree of no leaves: SHA-256 of nothing).
pub fn root(leaves: &[Digest]) -> Digest {
    if leaves.is_empty() {
        return Sha256::digest([]).into();
    }
    // Level by level, pairing left to right and carrying an odd last node up: the same tree
    // as the recursive split at the largest power of two.
    let mut level = leaves.to_vec();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [left, right] => node(left, right),
                [one, ..] => *one,
                [] => unreachable!("chunks are never empty"),
            })
            .collect();
    }
    level[0]
}

/// The hashes that prove leaf `index` is in the tree over `leaves`, nearest first (RFC 6962
/// §2.1.1's audit path); `None` for an index out of range.
pub fn proof(leaves: &[Digest], index: usize) -> Option<Vec<Digest>> {
    (index < leaves.len()).then(|| {
        let mut path = Vec::new();
        audit_path(leaves, index, &mut path);
        path
    })
}

fn audit_path(leaves: &[Digest], index: usize, path: &mut Vec<Digest>) {
    if leaves.len() <= 1 {
        return;
    }
    let k = split(leaves.len());
    if index < k {
        audit_path(&leaves[..k], index, path);
        path.push(root(&leaves[k..]));
    } else {
        audit_path(&leaves[k..], index - k, path);
        path.push(root(&leaves[..k]));
    }
}

/// Whether `proof` shows the leaf hashed `leaf` at `index` among `size` leaves under `root`.
pub fn verify(leaf: Digest, index: usize, size: usize, proof: &[Digest], root: Digest) -> bool {
    fn climb(leaf: Digest, index: usize, size: usize, proof: &[Digest]) -> Option<Digest> {
        if size <= 1 {
            return proof.is_empty().then_some(leaf);
        }
        let (last, rest) = proof.split_last()?;
        let k = split(size);
        Some(if index < k {
            node(&climb(leaf, index, k, rest)?, last)
        } else {
            node(last, &climb(leaf, index - k, size - k, rest)?)
        })
    }
    index < size && climb(leaf, index, size, proof) == Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6962's definition, recursive, as written there.
    fn mth(leaves: &[Digest]) -> Digest {
        match leaves.len() {
            0 => Sha256::digest([]).into(),
            1 => leaves[0],
            n => {
                let k = split(n);
                node(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    fn leaves(n: usize) -> Vec<Digest> {
        (0..n).map(|i| leaf(&i.to_be_bytes())).collect()
    }

    #[test]
    fn the_level_by_level_root_is_the_rfc_tree() {
        for n in 0..70 {
            assert_eq!(root(&leaves(n)), mth(&leaves(n)), "{n} leaves");
        }
    }

    #[test]
    fn a_known_root() {
        // Checked with Python's hashlib: h(01 || h(00 || "a") || h(00 || "b")).
        let ab = root(&[leaf(b"a"), leaf(b"b")]);
        assert_eq!(
            hex::encode(ab),
            "b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb"
        );
    }

    #[test]
    fn every_leaf_is_proven_and_no_other_leaf_or_place_is() {
        for n in 1..40 {
            let all = leaves(n);
            let top = root(&all);
            for (i, &l) in all.iter().enumerate() {
                let path = proof(&all, i).unwrap();
                assert!(verify(l, i, n, &path, top), "{i} of {n}");
                assert!(!verify(leaf(b"other"), i, n, &path, top));
                if n > 1 {
                    assert!(!verify(l, (i + 1) % n, n, &path, top));
                }
            }
            assert!(proof(&all, n).is_none());
        }
    }
}
