//! Named spans on the browser's performance timeline, so a benchmark harness outside the
//! app can read how long start-up work took (`performance.getEntriesByName`).

use wasm_bindgen::JsCast;

/// Runs `work` and records it as the performance measure `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let span = Span::start(name);
    let result = work();
    span.end(&[]);
    result
}

/// A measure that spans awaits (an import reading file after file): started, then ended
/// with numbers a harness can read from the measure's `detail`.
pub struct Span {
    name: String,
}

impl Span {
    pub fn start(name: &str) -> Span {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark(&format!("{name}:start"));
        }
        Span {
            name: name.to_string(),
        }
    }

    /// Records the measure with `detail` as `{label: number, …}`.
    pub fn end(self, detail: &[(&str, f64)]) {
        let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
            return;
        };
        let (start, end) = (format!("{}:start", self.name), format!("{}:end", self.name));
        let _ = performance.mark(&end);
        let numbers = js_sys::Object::new();
        for (label, value) in detail {
            let _ = js_sys::Reflect::set(&numbers, &(*label).into(), &(*value).into());
        }
        // measure(name, {start, end, detail}): web-sys has it only behind its unstable flag.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&options, &"end".into(), &end.into());
        let _ = js_sys::Reflect::set(&options, &"detail".into(), &numbers);
        if let Ok(measure) = js_sys::Reflect::get(&performance, &"measure".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = measure.call2(&performance, &self.name.as_str().into(), &options);
        }
    }
}
