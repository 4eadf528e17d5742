//! Work split over the cores: reading and parsing files are independent until the
//! cross-file rules.

/// Runs `work` on `items` split into one chunk per core (one chunk for a small folder,
/// where starting threads would cost more than it saves); the results in order. `work`
/// gets the offset of its chunk in `items`.
pub(crate) fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let (workers, chunk) = split(items.len());
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

/// How many workers for `len` items, and how many items each gets.
fn split(len: usize) -> (usize, usize) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(len.div_ceil(64).max(1));
    (workers, len.div_ceil(workers).max(1))
}

/// [`on_every_core`] handing each chunk over by value, so that what the work keeps of its
/// items (a file's path) is moved, not copied while the list is still held.
pub(crate) fn on_every_core_owned<T: Send, R: Send>(
    items: Vec<T>,
    work: impl Fn(usize, Vec<T>) -> R + Sync,
) -> Vec<R> {
    let (workers, chunk) = split(items.len());
    if workers == 1 {
        return vec![work(0, items)];
    }
    let mut parts = Vec::with_capacity(workers);
    let mut rest = items;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * chunk, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a loader thread panicked"))
            .collect()
    })
}
