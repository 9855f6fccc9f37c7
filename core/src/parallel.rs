//! Work spread over the machine's cores where it pays: independent pieces of one evaluation
//! (a peer group's sensitivity reruns) mapped on scoped threads natively, in order on wasm32
//! (a browser's module has no threads). Results come back in the items' order, so the output
//! does not depend on how the work was split.

/// `f` over `items`, in order, on up to as many threads as the machine has cores; `weight`
/// says how much work an item is, so that each thread gets about the same share.
pub(crate) fn map<'s, T, R>(
    items: &'s [T],
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&'s T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // The heaviest items first, each to the thread with the least work so far.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
    let mut shares: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); threads];
    for i in order {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += weight(&items[i]).max(1);
            share.1.push(i);
        }
    }
    let f = &f;
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|(_, share)| {
                scope.spawn(move || {
                    share
                        .into_iter()
                        .map(|i| (i, f(&items[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// How many threads to use: the cores available natively, one on wasm32.
fn threads() -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// `f` over `items` cut into one run of neighbours per core, the runs' results joined in
/// order: for work even across items (hashing rows), where one run per thread beats handing
/// items out one by one.
pub(crate) fn chunked<T, R>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R>
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

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order_whatever_the_split() {
        let items: Vec<usize> = (0..100).collect();
        let squares = super::map(&items, |&i| i % 7, |&i| i * i);
        assert_eq!(squares, items.iter().map(|i| i * i).collect::<Vec<_>>());
        assert!(super::map(&[] as &[usize], |_| 1, |&i| i).is_empty());
    }
}
