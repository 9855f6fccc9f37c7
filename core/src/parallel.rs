//! Work spread over the machine's cores where it pays: independent pieces of one evaluation
//! (a peer group's sensitivity reruns) mapped on scoped threads natively, in order on wasm32
//! (a browser's module has no threads). Results come back in the items' order, so the output
//! does not depend on how the work was split.

/// `f` over `items`, in order, on up to as many threads as the machine has cores; `weight`
/// says about how much work an item is. Items are handed out heaviest first, each to the
/// next thread free (a weight is only an estimate: shares fixed in advance left one core
/// idle while the other finished a heavier share than expected).
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
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (f, order, next) = (&f, &order, &next);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(k) else { break };
                        out.push((i, f(&items[i])));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
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
        // Weights far from the work done change nothing but who does it.
        let uneven = super::map(&items, |&i| 100 - i, |&i| (0..i * 1000).sum::<usize>());
        let expected: Vec<usize> = items.iter().map(|&i| (0..i * 1000).sum()).collect();
        assert_eq!(uneven, expected);
    }
}
