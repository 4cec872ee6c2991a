//! The one error type: what went wrong, and for text that is not JSON at all, where.

use std::fmt;

use serde::de::{Expected, Unexpected};

/// Why text could not be read, or a value written. Boxed, as serde_json's is: every
/// `Result` the reader passes around stays one word wide, which keeps the code that moves
/// them, instantiated for every record type, small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    message: String,
    /// Line and column (both from 1) of a syntax error; `None` for text that is JSON but
    /// not the expected shape, where a position means nothing to a runner.
    at: Option<(usize, usize)>,
}

impl Error {
    /// A syntax error at byte `offset` of `text`.
    pub(super) fn syntax(text: &str, offset: usize, message: &str) -> Error {
        let before = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
        let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1);
        Error(Box::new(Inner {
            message: message.to_string(),
            at: Some((line, before.len() - line_start + 1)),
        }))
    }

    pub(super) fn data(message: impl fmt::Display) -> Error {
        Error(Box::new(Inner {
            message: message.to_string(),
            at: None,
        }))
    }

    /// True when the text is not JSON; false when it is JSON of another shape (a list
    /// where a record belongs, a missing or unknown field, a number out of range).
    pub fn is_syntax(&self) -> bool {
        self.0.at.is_some()
    }

    /// The message without its position.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Line and column of a syntax error, both from 1.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.0.at
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        match self.0.at {
            Some((line, column)) => write!(f, " at line {line} column {column}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::data(message)
    }

    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::data(format_args!(
            "invalid type: {}, expected {expected}",
            AsJson(found)
        ))
    }

    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::data(format_args!(
            "invalid value: {}, expected {expected}",
            AsJson(found)
        ))
    }
}

/// What was found, in JSON's words as serde_json puts them: `null` rather than serde's
/// "unit value", and a float written as it would be stored.
struct AsJson<'a>(Unexpected<'a>);

impl fmt::Display for AsJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(value) => {
                let text = super::to_string(&value).map_err(|_| fmt::Error)?;
                write!(f, "floating point `{text}`")
            }
            other => other.fmt(f),
        }
    }
}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::data(message)
    }
}
