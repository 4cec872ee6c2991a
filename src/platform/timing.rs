//! Named spans on the browser's performance timeline, so a benchmark harness outside the
//! app can read how long start-up work took (`performance.getEntriesByName`).

/// Runs `work` and records it as the performance measure `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|window| window.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        // Timing is for developers; a browser without it loses nothing.
        let _ = performance.mark(&end);
        let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}
