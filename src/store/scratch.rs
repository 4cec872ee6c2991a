//! Scratch values: work in progress that is not yet a record (a knee check half answered, a
//! walk-run timer running), kept so a reload loses nothing, and the app's own note of the
//! version that last ran here. Same envelope as the collections, each kind with its own
//! version, and the same damage rule: a value this build cannot read is set aside before
//! anything is written over it. Unlike a collection, one from a newer
//! app is set aside too rather than blocking: it is scratch, and the runner is working now;
//! one an older build left in a shape this build no longer reads is dropped.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::store::codec::{self, Decoded};
use crate::store::error::StoreError;
use crate::store::key_value::{self, KeyValue};

/// Every kind of scratch value, with its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scratch {
    /// A knee check in progress (`domain::triage::Draft`).
    KneeCheckDraft,
    /// A walk-run session in progress, or ended and waiting for its pain scores.
    RecoveryTimer,
    /// The version of Patella that last ran on this device (a `String` such as "0.3.0"),
    /// so the app can say once what changed after an update (`domain::release::on_start`).
    /// Keep its shape for good: an older build given a newer shape would set it aside and
    /// tell the runner some saved data could not be read, over a version number.
    AppVersionSeen,
    /// The first visit's welcome was read and put away (`true`): it never comes back.
    Welcomed,
}

impl Scratch {
    pub fn key(self) -> &'static str {
        match self {
            Scratch::KneeCheckDraft => "patella.knee-check-draft",
            Scratch::RecoveryTimer => "patella.recovery.timer",
            Scratch::AppVersionSeen => "patella.app-version-seen",
            Scratch::Welcomed => "patella.welcomed",
        }
    }

    /// The name its set-aside copies carry.
    fn name(self) -> &'static str {
        match self {
            Scratch::KneeCheckDraft => "knee-check-draft",
            Scratch::RecoveryTimer => "recovery-timer",
            Scratch::AppVersionSeen => "app-version-seen",
            Scratch::Welcomed => "welcomed",
        }
    }

    /// The version of the value this build writes; bump it when the type changes shape.
    /// A value of an older version is dropped without a word: it was work in progress in a
    /// shape this build has left behind, not the runner's data.
    fn version(self) -> u32 {
        match self {
            Scratch::KneeCheckDraft
            | Scratch::RecoveryTimer
            | Scratch::AppVersionSeen
            | Scratch::Welcomed => 1,
        }
    }
}

/// True when `raw` is an envelope an older build wrote for this kind.
fn is_older(raw: &str, kind: Scratch) -> bool {
    codec::is_older_version(raw, kind.version())
}

/// What reading a scratch value found.
#[derive(Debug, PartialEq)]
pub struct Read<T> {
    pub value: Option<T>,
    /// A value this build cannot read was moved aside (it reads as none).
    pub set_aside: bool,
}

/// The stored value of this kind, if there is a readable one. One that cannot be read is set
/// aside at once, so the runner hears of it; if it cannot be, it stays where it is and
/// [`keep`] will refuse to write over it.
pub fn read<T: DeserializeOwned>(kv: &impl KeyValue, kind: Scratch) -> Read<T> {
    let nothing = |set_aside| Read {
        value: None,
        set_aside,
    };
    let Ok(Some(raw)) = kv.read(kind.key()) else {
        return nothing(false);
    };
    match codec::decode_versioned(&raw, kind.version()) {
        Decoded::Clean(value) => Read {
            value: Some(value),
            set_aside: false,
        },
        _ if is_older(&raw, kind) => nothing(false),
        _ => nothing(key_value::set_aside(kv, kind.name(), &raw).is_ok()),
    }
}

/// Keeps `value` (or removes the kind's value for `None`). Returns whether a damaged value
/// was set aside on the way; the reason in words when nothing could be kept.
pub fn keep<T: Serialize + DeserializeOwned>(
    kv: &impl KeyValue,
    kind: Scratch,
    value: Option<&T>,
) -> Result<bool, StoreError> {
    let stored = kv.read(kind.key())?;
    let mut set_aside = false;
    if let Some(raw) = stored.filter(|raw| !is_older(raw, kind)) {
        if !matches!(
            codec::decode_versioned::<T>(&raw, kind.version()),
            Decoded::Clean(_)
        ) {
            key_value::set_aside(kv, kind.name(), &raw).map_err(|failure| {
                StoreError::Blocked(format!(
                    "A saved copy could not be read and could not be set aside ({failure}), \
                     so it was left as it is."
                ))
            })?;
            set_aside = true;
        }
    }
    match value {
        Some(value) => {
            let text = codec::encode_versioned(kind.version(), value)
                .map_err(|error| StoreError::Encode(error.to_string()))?;
            kv.write(kind.key(), &text)
        }
        None => kv.remove(kind.key()),
    }?;
    Ok(set_aside)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::store::key_value::SET_ASIDE_PREFIX;
    use crate::store::memory::MemoryStorage;

    fn set_aside_copies(kv: &MemoryStorage) -> Vec<String> {
        kv.all()
            .into_iter()
            .filter(|(key, _)| key.starts_with(SET_ASIDE_PREFIX))
            .map(|(_, value)| value)
            .collect()
    }

    #[test]
    fn a_kept_value_reads_back_and_none_removes_it() {
        let kv = MemoryStorage::new();
        assert_eq!(
            keep(&kv, Scratch::RecoveryTimer, Some(&vec![1, 2])),
            Ok(false)
        );
        assert_eq!(
            kv.raw("patella.recovery.timer").as_deref(),
            Some(r#"{"schema":1,"data":[1,2]}"#)
        );
        let read: Read<Vec<u8>> = read(&kv, Scratch::RecoveryTimer);
        assert_eq!(read.value, Some(vec![1, 2]));
        assert_eq!(
            keep::<Vec<u8>>(&kv, Scratch::RecoveryTimer, None),
            Ok(false)
        );
        assert_eq!(kv.raw("patella.recovery.timer"), None);
    }

    #[test]
    fn an_unreadable_or_newer_value_is_set_aside_before_it_is_written_over() {
        for damaged in [
            r#"{"schema":1,"data":"#,
            r#"{"schema":7,"data":{"new":true}}"#,
        ] {
            let kv = MemoryStorage::new();
            kv.put("patella.knee-check-draft", damaged);
            let read: Read<Vec<u8>> = read(&kv, Scratch::KneeCheckDraft);
            assert_eq!((read.value, read.set_aside), (None, true));
            assert_eq!(set_aside_copies(&kv), [damaged]);
            assert!(keep(&kv, Scratch::KneeCheckDraft, Some(&vec![3])).is_ok());
            assert_eq!(set_aside_copies(&kv), [damaged], "one copy, kept");
        }
    }

    #[test]
    fn a_value_an_older_build_left_is_dropped_without_a_copy() {
        let kv = MemoryStorage::new();
        kv.put("patella.recovery.timer", r#"{"schema":0,"data":{"old":1}}"#);
        let read: Read<Vec<u8>> = read(&kv, Scratch::RecoveryTimer);
        assert_eq!((read.value, read.set_aside), (None, false));
        assert_eq!(keep(&kv, Scratch::RecoveryTimer, Some(&vec![1])), Ok(false));
        assert!(set_aside_copies(&kv).is_empty());
    }

    #[test]
    fn the_version_seen_is_kept_as_an_enveloped_string() {
        let kv = MemoryStorage::new();
        let seen: Read<String> = read(&kv, Scratch::AppVersionSeen);
        assert_eq!(seen.value, None);
        assert!(keep(&kv, Scratch::AppVersionSeen, Some(&"0.3.0".to_string())).is_ok());
        // e2e/release.test.mjs writes this shape to stand for an older version.
        assert_eq!(
            kv.raw("patella.app-version-seen").as_deref(),
            Some(r#"{"schema":1,"data":"0.3.0"}"#)
        );
        kv.put("patella.app-version-seen", r#"{"schema":1,"data":"0.2.0"}"#);
        let seen: Read<String> = read(&kv, Scratch::AppVersionSeen);
        assert_eq!(seen.value.as_deref(), Some("0.2.0"));
    }

    #[test]
    fn a_damaged_value_that_cannot_be_set_aside_is_not_written_over() {
        let kv = MemoryStorage::new();
        kv.put("patella.knee-check-draft", "garbage");
        kv.set_full(true);
        let refused = keep(&kv, Scratch::KneeCheckDraft, Some(&vec![3]));
        assert!(refused.is_err_and(|reason| reason.to_string().contains("could not be set aside")));
        assert_eq!(
            kv.raw("patella.knee-check-draft").as_deref(),
            Some("garbage")
        );
    }
}
