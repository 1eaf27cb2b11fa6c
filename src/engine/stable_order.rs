//! Stable sorting through one shared sort. Each `sort_by_key` call site puts its own copy of
//! the standard library's stable sort (about 4 KiB of wasm) in the binary; sorting
//! (key, index) pairs with `sort_unstable` gives the same order, and every caller shares that
//! one instantiation because the pairs always have the same type.

/// A sort key: up to three numbers, compared in order.
pub(crate) type Key = [usize; 3];

/// The indices of `keys` in the order a stable sort by key puts them.
pub(crate) fn stable_order(keys: impl IntoIterator<Item = Key>) -> Vec<usize> {
    let mut pairs: Vec<(Key, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// `items` sorted by `key` as `sort_by_key` sorts them (equal keys keep their order).
pub(crate) fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> Key) -> Vec<T> {
    let order = stable_order(items.iter().map(key));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("each index once"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_sort_by_key() {
        let items: Vec<(usize, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut expected = items.clone();
        expected.sort_by_key(|x| x.0);
        assert_eq!(sorted_by_key(items, |x| [x.0, 0, 0]), expected);
        assert_eq!(stable_order([[2, 1, 0], [2, 0, 5], [1, 9, 9]]), [2, 1, 0]);
        assert!(stable_order([]).is_empty());
    }
}
