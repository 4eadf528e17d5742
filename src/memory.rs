//! How the process asks the system allocator for memory: two glibc settings that keep the
//! peak memory of a large plan's command close to what it holds (issue 16). Nothing on other
//! platforms or C libraries, where neither call exists.

/// Requests of 128 KiB and more (a plan's lists of initiatives and files, a memo's lists of
/// items, hash tables) get pages of their own from the system, which go back to it when
/// freed. glibc starts at this threshold but raises it each time such a block is freed, up to
/// 32 MiB, after which the freed lists of loading stay resident and the memo's lists come
/// on top of them (paired runs at 100,000 initiatives with dependency chains: the memos
/// 155 → 147 MiB at their peak, `check` 7 MiB less; no time lost).
///
/// # Safety
///
/// glibc's `mallopt` is not safe to call while another thread may allocate: call this
/// first thing in `main`, before any thread is started (`src/main.rs` does).
pub unsafe fn fix_large_block_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: the caller guarantees no other thread exists yet; mallopt only changes a
    // setting of the allocator.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Gives the memory of what was just dropped (a large plan) back to the system, so that what
/// a command allocates next (an Excel workbook's records of its rows) does not come on top of
/// it: glibc keeps freed pages inside its heaps, those of the loading threads too, until told.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's heaps to the system; it
    // touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
