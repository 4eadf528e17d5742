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

/// Runs `work` on `items` split into one chunk per core, handing each chunk over by value
/// (what the work keeps of its items is moved, not copied while the list is still held)
/// with the matching chunks of the two output lists `a` and `b` (one slot per item, in
/// the items' order: `a[k]` and `b[k]` are item `k`'s), so that the results land in their
/// places without a list per core to join. `work` gets the offset of its chunk in `items`;
/// what each call returns comes back in order.
///
/// Panics when `a` or `b` has fewer slots than `items` has items.
pub(crate) fn on_every_core_into<T: Send, A: Send, B: Send, R: Send>(
    items: Vec<T>,
    a: &mut [A],
    b: &mut [B],
    work: impl Fn(usize, Vec<T>, &mut [A], &mut [B]) -> R + Sync,
) -> Vec<R> {
    assert!(
        a.len() >= items.len() && b.len() >= items.len(),
        "a slot per item"
    );
    let (workers, chunk) = split(items.len());
    if workers == 1 {
        let len = items.len();
        return vec![work(0, items, &mut a[..len], &mut b[..len])];
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
            .zip(a.chunks_mut(chunk).zip(b.chunks_mut(chunk)))
            .enumerate()
            .map(|(n, (part, (a, b)))| scope.spawn(move || work(n * chunk, part, a, b)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a loader thread panicked"))
            .collect()
    })
}

/// From how many initiatives the work on a plan is split in parts run side by side with
/// [`both`] (the cross-file rules, the summary, the memo): below, starting a thread costs
/// more than it saves.
pub(crate) const SIDE_BY_SIDE_FROM: usize = 2_000;

/// `a()` and `b()`, side by side (`a` on a thread of its own, `b` on this one) or, when not
/// `side_by_side`, one after the other; their results. For work on a large plan whose two
/// parts need nothing of each other.
///
/// Panics: if `a` panicked (on its thread).
pub(crate) fn both<A: Send, B>(
    side_by_side: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !side_by_side {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        (
            a.join()
                .expect("a thread of the work side by side panicked"),
            b,
        )
    })
}
