//! What every form shares, as plain data: the fields it declares once (an enum, top to
//! bottom), their text as typed, and the messages of the fields that are wrong, keyed by
//! field. A form's draft module says how its fields read and what a correct draft becomes;
//! the view binds one input line per field and runs the submit steps once for all forms
//! (`components::form`).

use std::fmt::Debug;

/// The keyboard a phone should offer for a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyboard {
    Text,
    /// Digits with "." or ",": distances, and times (45.30 is 45:30).
    Decimal,
    /// Digits only: scores and counts.
    Numeric,
}

/// How a field is typed or chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// One line of text.
    Line(Keyboard),
    /// The browser's date picker, year-month-day.
    Day,
    /// Several lines of text.
    Paragraph,
    /// One of a list of options, each a value and its words.
    Choice,
    /// A score from 0 to 10, one tap each, as native radios: one tab stop, arrow keys move
    /// the choice, and a screen reader hears "3, radio button, 4 of 11".
    Score,
}

/// A form's fields: an enum whose variants, in [`Field::ALL`] order, are the form top to
/// bottom. Everything a view needs to draw a field comes from here.
pub trait Field: Copy + Eq + Debug + 'static {
    const ALL: &'static [Self];
    /// The element id of its input, unique on its screen.
    fn input_id(self) -> &'static str;
    fn label(self) -> &'static str;
    fn control(self) -> Control;
    /// Where this field sits in [`Field::ALL`].
    fn index(self) -> usize {
        Self::ALL
            .iter()
            .position(|field| *field == self)
            .unwrap_or_default()
    }
}

/// Declares a form's fields once, one line each, top to bottom: the enum, its
/// [`Field::ALL`], and each field's input id, label and control.
///
/// ```ignore
/// form_fields! {
///     /// The new-shoes form's fields.
///     pub enum ShoeField {
///         Name => "shoe-name", "Shoe name", Control::Line(Keyboard::Text);
///     }
/// }
/// ```
macro_rules! form_fields {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$field_meta:meta])* $field:ident => $id:literal, $label:literal, $control:expr;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$field_meta])* $field,)*
        }

        impl $crate::domain::form::Field for $name {
            const ALL: &'static [$name] = &[$($name::$field,)*];

            fn input_id(self) -> &'static str {
                match self {
                    $($name::$field => $id,)*
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $($name::$field => $label,)*
                }
            }

            fn control(self) -> $crate::domain::form::Control {
                match self {
                    $($name::$field => $control,)*
                }
            }
        }
    };
}
pub(crate) use form_fields;

/// The text of each of a form's fields as the runner typed or chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed<F: Field> {
    texts: Vec<String>,
    marker: std::marker::PhantomData<F>,
}

impl<F: Field> Default for Typed<F> {
    fn default() -> Self {
        Typed {
            texts: vec![String::new(); F::ALL.len()],
            marker: std::marker::PhantomData,
        }
    }
}

impl<F: Field> Typed<F> {
    /// The texts in [`Field::ALL`] order, as a view keeps them without knowing the form.
    pub fn from_texts(mut texts: Vec<String>) -> Self {
        texts.resize(F::ALL.len(), String::new());
        Typed {
            texts,
            marker: std::marker::PhantomData,
        }
    }

    pub fn into_texts(self) -> Vec<String> {
        self.texts
    }

    pub fn get(&self, field: F) -> &str {
        self.texts.get(field.index()).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: F, text: impl Into<String>) {
        if let Some(slot) = self.texts.get_mut(field.index()) {
            *slot = text.into();
        }
    }

    /// The same, with `field` set: for building a draft in one expression.
    pub fn with(mut self, field: F, text: impl Into<String>) -> Self {
        self.set(field, text);
        self
    }
}

/// The message of each field that is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldErrors<F: Field> {
    found: Vec<(F, String)>,
}

impl<F: Field> Default for FieldErrors<F> {
    fn default() -> Self {
        FieldErrors { found: Vec::new() }
    }
}

impl<F: Field> FieldErrors<F> {
    /// Keeps what `checked` says about `field`: its value when right, its message when not.
    pub fn note<T>(&mut self, field: F, checked: Result<T, String>) -> Option<T> {
        match checked {
            Ok(value) => Some(value),
            Err(message) => {
                self.found.retain(|(f, _)| *f != field);
                self.found.push((field, message));
                None
            }
        }
    }

    /// Its message, if `field` is wrong.
    pub fn of(&self, field: F) -> Option<&str> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Each wrong field's place in [`Field::ALL`] and its message.
    pub fn by_index(&self) -> Vec<(usize, String)> {
        self.found
            .iter()
            .map(|(field, message)| (field.index(), message.clone()))
            .collect()
    }

    /// The first wrong field, top to bottom: where the runner is taken after a failed save.
    pub fn first(&self) -> Option<F> {
        F::ALL
            .iter()
            .copied()
            .find(|field| self.of(*field).is_some())
    }

    /// `value` when every field was right (it is `Some` then), these messages otherwise.
    pub fn or_value<T>(self, value: Option<T>) -> Result<T, FieldErrors<F>> {
        match value {
            Some(value) if self.is_empty() => Ok(value),
            _ => Err(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Demo {
        Name,
        Age,
    }

    impl Field for Demo {
        const ALL: &'static [Demo] = &[Demo::Name, Demo::Age];
        fn input_id(self) -> &'static str {
            match self {
                Demo::Name => "demo-name",
                Demo::Age => "demo-age",
            }
        }
        fn label(self) -> &'static str {
            "Demo"
        }
        fn control(self) -> Control {
            Control::Line(Keyboard::Text)
        }
    }

    fn check(typed: &Typed<Demo>) -> Result<(String, u8), FieldErrors<Demo>> {
        let mut errors = FieldErrors::default();
        let name = errors.note(
            Demo::Name,
            Some(typed.get(Demo::Name).trim().to_string())
                .filter(|name| !name.is_empty())
                .ok_or_else(|| "Enter a name.".to_string()),
        );
        let age = errors.note(
            Demo::Age,
            typed
                .get(Demo::Age)
                .parse::<u8>()
                .map_err(|_| "Enter an age.".to_string()),
        );
        let value = (|| Some((name?, age?)))();
        errors.or_value(value)
    }

    #[test]
    fn each_wrong_field_keeps_its_own_message_and_the_first_is_the_topmost() {
        let typed = Typed::<Demo>::default().with(Demo::Age, "old");
        let errors = check(&typed).unwrap_err();
        assert_eq!(errors.of(Demo::Name), Some("Enter a name."));
        assert_eq!(errors.of(Demo::Age), Some("Enter an age."));
        assert_eq!(errors.first(), Some(Demo::Name));
        let typed = typed.with(Demo::Name, " Ana ");
        let errors = check(&typed).unwrap_err();
        assert_eq!(errors.first(), Some(Demo::Age));
        assert_eq!(errors.of(Demo::Name), None);
        assert_eq!(
            check(&typed.with(Demo::Age, "52")),
            Ok(("Ana".to_string(), 52))
        );
    }

    #[test]
    fn a_field_keeps_only_its_latest_message() {
        let mut errors = FieldErrors::<Demo>::default();
        errors.note::<()>(Demo::Age, Err("first".into()));
        errors.note::<()>(Demo::Age, Err("second".into()));
        assert_eq!(errors.of(Demo::Age), Some("second"));
        assert_eq!(errors.or_value(Some(())), Err(errors_with("second")));
    }

    fn errors_with(message: &str) -> FieldErrors<Demo> {
        let mut errors = FieldErrors::default();
        errors.note::<()>(Demo::Age, Err(message.into()));
        errors
    }
}
