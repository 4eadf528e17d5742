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

/// `work` on the first half of `items` and on the second, side by side when `side_by_side`
/// (the second half on a thread of its own, so that what this thread makes of the first,
/// and keeps, is allocated here) or one after the other; the two results, first half's
/// first. Not side by side, the first half is all of `items` and the second is empty.
///
/// Panics: if `work` panicked on the other thread.
pub(crate) fn halves<'t, T: Sync, R: Send>(
    side_by_side: bool,
    items: &'t [T],
    work: impl Fn(&'t [T]) -> R + Sync,
) -> (R, R) {
    let (first, second) = items.split_at(if side_by_side {
        items.len() / 2
    } else {
        items.len()
    });
    let work = &work;
    let (second, first) = both(side_by_side, || work(second), || work(first));
    (first, second)
}

/// One part of the work [`in_turns`] shares out: run once, on whichever thread takes it.
pub(crate) type Job<'a, R> = Box<dyn FnOnce() -> R + Send + 'a>;

/// Runs each of `jobs` once and hands back their results in the jobs' order. When
/// `side_by_side`, this thread and one more take the jobs in turns, each the next one not yet
/// taken, so that both keep busy however the jobs' lengths fall (for the cross-file rules,
/// which rule takes longest depends on the plan: the "did you mean" of dangling
/// dependencies on one, the history or the track counts on another); else one after the
/// other on this thread.
///
/// Panics: if a job panicked (on either thread).
pub(crate) fn in_turns<R: Send>(side_by_side: bool, jobs: Vec<Job<'_, R>>) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    if !side_by_side {
        return jobs.into_iter().map(|job| job()).collect();
    }
    let count = jobs.len();
    let jobs: Vec<Mutex<Option<Job<'_, R>>>> =
        jobs.into_iter().map(|job| Mutex::new(Some(job))).collect();
    let next = AtomicUsize::new(0);
    // Each thread's results with the job's place in the list.
    let take = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            if at >= count {
                return done;
            }
            // No lock is held while a job runs: none can be poisoned.
            let job = jobs[at]
                .lock()
                .expect("a job's lock")
                .take()
                .expect("each job is taken once");
            done.push((at, job()));
        }
    };
    let (theirs, mine) = std::thread::scope(|scope| {
        let theirs = scope.spawn(take);
        let mine = take();
        (
            theirs
                .join()
                .expect("a thread of the work in turns panicked"),
            mine,
        )
    });
    let mut results: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (at, result) in mine.into_iter().chain(theirs) {
        results[at] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every job ran"))
        .collect()
}

/// From how many initiatives (or files) the work on a plan is split in parts run side by
/// side with [`both`], [`halves`] or [`in_turns`] (the walk's sorting of the paths, the
/// cross-file rules, the dependencies' look-ups, the summary, the memo, `plan list`'s
/// judging): below, starting a thread costs more than it saves.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Jobs taken in turns by two threads or run on one: each runs once, and the results
    /// come back in the jobs' order, not in the order the jobs finished nor thread by thread.
    /// Side by side, the first job waits until the other thread has taken the second, and
    /// the second until the first and the third are done (by the first's thread): each
    /// thread has jobs before and after the other's.
    #[test]
    fn jobs_in_turns_come_back_in_their_order() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Mutex;
        let wait_until = |ready: &dyn Fn() -> bool| {
            let start = std::time::Instant::now();
            while !ready() && start.elapsed().as_secs() < 10 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        };
        for side_by_side in [true, false] {
            let started = AtomicUsize::new(0);
            let finished = Mutex::new(Vec::new());
            let threads = Mutex::new(std::collections::HashSet::new());
            let jobs: Vec<Job<'_, Vec<usize>>> = (0..9)
                .map(|k| -> Job<'_, Vec<usize>> {
                    let (started, finished, threads) = (&started, &finished, &threads);
                    Box::new(move || {
                        started.fetch_add(1, Ordering::SeqCst);
                        threads
                            .lock()
                            .expect("threads")
                            .insert(std::thread::current().id());
                        if side_by_side && k == 0 {
                            wait_until(&|| started.load(Ordering::SeqCst) >= 2);
                        }
                        if side_by_side && k == 1 {
                            wait_until(&|| {
                                let finished = finished.lock().expect("finished");
                                finished.contains(&0) && finished.contains(&2)
                            });
                        }
                        finished.lock().expect("finished").push(k);
                        vec![k; k]
                    })
                })
                .collect();
            let results = in_turns(side_by_side, jobs);
            let expected: Vec<Vec<usize>> = (0..9).map(|k| vec![k; k]).collect();
            assert_eq!(results, expected, "side by side: {side_by_side}");
            let mut finished = finished.into_inner().expect("finished");
            assert_eq!(finished.len(), 9);
            finished.sort_unstable();
            assert_eq!(finished, (0..9).collect::<Vec<_>>());
            let threads = threads.into_inner().expect("threads").len();
            assert_eq!(threads, if side_by_side { 2 } else { 1 });
        }
        assert!(in_turns(true, Vec::<Job<'_, ()>>::new()).is_empty());
    }
}
