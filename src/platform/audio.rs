//! Short beeps and metronome clicks through Web Audio, scheduled on the audio clock.
//!
//! Everything here fails silently: a browser without Web Audio, or one that will not start
//! sound (no output device, autoplay rules), simply stays quiet. The context is created on
//! the runner's tap (Start), which is what browsers require before playing sound.

use std::cell::RefCell;

use web_sys::{AudioContext, OscillatorType};

thread_local! {
    /// The beeps of a session whose screen the runner left: still playing, because closing
    /// them would turn the beeps off without a word. The timer takes them back on return.
    static KEPT: RefCell<Option<Sound>> = const { RefCell::new(None) };
}

/// One shared audio context for the page, made on first use.
#[derive(Clone)]
pub struct Sound {
    context: AudioContext,
}

impl Sound {
    /// A context, or `None` when the browser has no Web Audio.
    pub fn new() -> Option<Sound> {
        let context = AudioContext::new().ok()?;
        // Resuming returns a promise; a refusal just means silence.
        let _ = context.resume();
        Some(Sound { context })
    }

    /// The audio clock, in seconds.
    pub fn now(&self) -> f64 {
        self.context.current_time()
    }

    /// A tone of `frequency` Hz starting at audio time `at`, lasting `seconds`.
    pub fn tone(&self, frequency: f32, at: f64, seconds: f64, volume: f32) {
        let _ = self.try_tone(frequency, at, seconds, volume);
    }

    fn try_tone(
        &self,
        frequency: f32,
        at: f64,
        seconds: f64,
        volume: f32,
    ) -> Result<(), wasm_bindgen::JsValue> {
        let oscillator = self.context.create_oscillator()?;
        let gain = self.context.create_gain()?;
        oscillator.set_type(OscillatorType::Square);
        oscillator.frequency().set_value_at_time(frequency, at)?;
        // A fast attack and release, so the click has no pop.
        let level = gain.gain();
        level.set_value_at_time(0.0, at)?;
        level.linear_ramp_to_value_at_time(volume, at + 0.002)?;
        level.linear_ramp_to_value_at_time(0.0, at + seconds)?;
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&self.context.destination())?;
        oscillator.start_with_when(at)?;
        oscillator.stop_with_when(at + seconds + 0.01)?;
        Ok(())
    }

    /// The cue for a change of segment at audio time `at`: two short beeps, higher for
    /// running.
    pub fn change_cue(&self, at: f64, to_run: bool) {
        let frequency = if to_run { 1175.0 } else { 784.0 };
        self.tone(frequency, at, 0.12, 0.3);
        self.tone(frequency, at + 0.2, 0.12, 0.3);
    }

    /// Three beeps for the end of a session, at audio time `at`.
    pub fn end_cue(&self, at: f64) {
        for i in 0..3 {
            self.tone(988.0, at + f64::from(i) * 0.25, 0.15, 0.3);
        }
    }

    /// One metronome click at audio time `at`.
    pub fn click(&self, at: f64) {
        self.tone(1500.0, at, 0.03, 0.4);
    }

    pub fn close(&self) {
        let _ = self.context.close();
    }

    /// Keeps this sound (and the beeps queued on it) playing after its screen is gone.
    pub fn keep(self) {
        if let Some(older) = KEPT.with(|kept| kept.replace(Some(self))) {
            older.close();
        }
    }

    /// The sound last kept, taken back.
    pub fn take_kept() -> Option<Sound> {
        KEPT.with(RefCell::take)
    }
}
