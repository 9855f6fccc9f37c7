//! Work spread over the machine's cores where it pays: independent pieces of one evaluation
//! (each unit's values and quality, a peer group's sensitivity reruns) mapped on `rayon`'s
//! pool natively, in order on wasm32 (a browser's module has no threads). Results come back in
//! the items' order, so the output does not depend on how the work was split. The pool's
//! threads live as long as the process: threads started per call began each time with an
//! empty heap, and faulting its pages in again was a fifth of a national evaluation.

/// `f` over `items`, in order, on the pool's threads; `weight` says about how much work an
/// item is, and the heaviest are started first so that no core is left with one at the end.
pub(crate) fn map<'s, T, R>(
    items: &'s [T],
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&'s T) -> R + Sync + Send,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    #[cfg(target_arch = "wasm32")]
    {
        let _ = weight;
        items.iter().map(f).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        if items.len() <= 1 || rayon::current_num_threads() <= 1 {
            return items.iter().map(f).collect();
        }
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
        let mut done: Vec<(usize, R)> = order
            .par_iter()
            .with_max_len(1)
            .map(|&i| (i, f(&items[i])))
            .collect();
        done.sort_unstable_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    }
}

/// `f` over `items` cut into one run of neighbours per thread, the runs' results joined in
/// order: for work even across items (hashing rows), where one run per thread beats handing
/// items out one by one.
pub(crate) fn chunked<T, R>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync + Send) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = threads();
    if threads <= 1 || items.len() < 1024 {
        return f(items);
    }
    let runs: Vec<&[T]> = items.chunks(items.len().div_ceil(threads)).collect();
    map(&runs, |run| run.len(), |run| f(run))
        .into_iter()
        .flatten()
        .collect()
}

/// How many threads work: the pool's natively, one on wasm32.
fn threads() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        rayon::current_num_threads()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order_whatever_the_split() {
        let items: Vec<usize> = (0..100).collect();
        let squares = super::map(&items, |&i| i % 7, |&i| i * i);
        assert_eq!(squares, items.iter().map(|i| i * i).collect::<Vec<_>>());
        assert!(super::map(&[] as &[usize], |_| 1, |&i| i).is_empty());
        // Weights far from the work done change nothing but who does it.
        let uneven = super::map(&items, |&i| 100 - i, |&i| (0..i * 1000).sum::<usize>());
        let expected: Vec<usize> = items.iter().map(|&i| (0..i * 1000).sum()).collect();
        assert_eq!(uneven, expected);
    }
}
