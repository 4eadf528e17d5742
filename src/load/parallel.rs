//! Work split over the cores: reading and parsing files are independent until the
//! cross-file rules.

/// Runs `work` on `items` split into one chunk per core (one chunk for a small folder,
/// where starting threads would cost more than it saves); the results in order. `work`
/// gets the offset of its chunk in `items`.
pub(crate) fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().div_ceil(64).max(1));
    let chunk = items.len().div_ceil(workers).max(1);
    if workers == 1 {
        return vec![work(0, items)];
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * chunk, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a loader thread panicked"))
            .collect()
    })
}
