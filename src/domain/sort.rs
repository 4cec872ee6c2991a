//! One stable sort for the whole app.
//!
//! The standard library's sort is generic: every element type and every key closure gets
//! its own copy of a few kilobytes of merge and quick sort in the page's wasm (there were
//! 21 of them, about 60 KB). These functions sort a list of positions instead, with one
//! comparison through a `dyn` closure, so the sorting code exists once; what stays per call
//! site is the comparison and a loop of swaps. Same results as `slice::sort_by` (stable:
//! equal elements keep their order), at an indirect call per comparison, which for the few
//! thousand records a runner has is nothing.

use std::cmp::Ordering;

/// Sorts stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    for (a, b) in swaps(order) {
        items.swap(a, b);
    }
}

/// Sorts stably by a key, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts stably in ascending order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them: the one place the standard
/// sort is instantiated.
#[inline(never)]
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// The swaps that put element `order[i]` at position `i` for every `i`, cycle by cycle.
#[inline(never)]
fn swaps(mut order: Vec<usize>) -> Vec<(usize, usize)> {
    let mut swaps = Vec::new();
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            swaps.push((at, from));
            at = from;
        }
    }
    swaps
}

// sort_by is tested with a comparison sort_by_key could also say.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unnecessary_sort_by)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut sorted = items.clone();
            sort_by_key(&mut sorted, |item| item.0);
            prop_assert_eq!(&sorted, &expected);

            let mut expected = items.clone();
            expected.sort_by(|a, b| b.1.cmp(&a.1));
            let mut sorted = items.clone();
            sort_by(&mut sorted, |a, b| b.1.cmp(&a.1));
            prop_assert_eq!(&sorted, &expected);

            let mut expected = items.clone();
            expected.sort();
            let mut sorted = items;
            sort(&mut sorted);
            prop_assert_eq!(sorted, expected);
        }
    }

    #[test]
    fn short_lists() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![3];
        sort(&mut one);
        assert_eq!(one, vec![3]);
        let mut reversed = vec![5, 4, 3, 2, 1];
        sort(&mut reversed);
        assert_eq!(reversed, vec![1, 2, 3, 4, 5]);
    }
}
