//! Reading: a cursor over the text that knows JSON's grammar, and serde's `Deserializer`
//! on top of it.
//!
//! The lexing (strings, numbers, skipping a value) is plain functions compiled once; only
//! the thin dispatch in `deserialize_any` is instantiated per record type. Strings without
//! escapes are borrowed from the text, as serde_json borrows them.

use std::borrow::Cow;

use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::Deserialize;

use super::{Error, MAX_DEPTH};

/// Reads a value of type `T` from the whole of `text`.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// A number as JSON text gives it, kept as serde_json keeps it: whole numbers as integers
/// while they fit, everything else as an f64.
pub(super) enum Parsed {
    U64(u64),
    I64(i64),
    F64(f64),
}

pub(super) struct Reader<'de> {
    text: &'de str,
    pub(super) pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    pub(super) fn new(text: &'de str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    // Called for every byte outside a string: a call each time costs the store's load a
    // tenth of its time, the inlined bounds check a few bytes per call site.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(super) fn error(&self, message: &str) -> Error {
        Error::syntax(self.text, self.pos, message)
    }

    /// The text between two positions; both sit next to an ASCII byte, so this never
    /// fails, but a bug here must be an error rather than a panic.
    pub(super) fn slice(&self, start: usize, end: usize) -> Result<&'de str, Error> {
        self.text
            .get(start..end)
            .ok_or_else(|| self.error("invalid text boundary"))
    }

    /// Skips whitespace and says what comes next.
    pub(super) fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
        self.peek()
    }

    pub(super) fn eat(&mut self, byte: u8, message: &str) -> Result<(), Error> {
        if self.skip_ws() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    /// Nothing but whitespace is left.
    pub(super) fn end(&mut self) -> Result<(), Error> {
        match self.skip_ws() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    fn keyword(&mut self, word: &str) -> Result<(), Error> {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("expected ident"))
        }
    }

    /// Steps into an array or object at its opening bracket.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.pos += 1;
        Ok(())
    }

    fn leave(&mut self, closer: u8) -> Result<(), Error> {
        self.eat(closer, "trailing characters")?;
        self.depth -= 1;
        Ok(())
    }

    /// Moves the cursor to the next quote, backslash or control character in a string: the
    /// plain run between them is most of every string, so it is passed over in one tight
    /// loop rather than byte by byte through the match below.
    fn plain_run(&mut self) {
        // Eight bytes at a time, as serde_json does: a lane of `found` has its high bit set
        // where a byte is a quote, a backslash or below 0x20. A borrow can only set lanes
        // after the first real one, so the lowest set lane is the first special byte.
        const ONES: u64 = u64::from_ne_bytes([1; 8]);
        const HIGH: u64 = ONES << 7;
        let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word;
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let mut words = rest.chunks_exact(8);
        for chunk in &mut words {
            let mut lanes = [0; 8];
            lanes.copy_from_slice(chunk);
            let word = u64::from_le_bytes(lanes);
            let found = (below(word ^ (ONES * u64::from(b'"')), 1)
                | below(word ^ (ONES * u64::from(b'\\')), 1)
                | below(word, 0x20))
                & HIGH;
            if found != 0 {
                self.pos += (found.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        let tail = words.remainder();
        self.pos += tail
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .unwrap_or(tail.len());
    }

    /// The string whose opening quote is at the cursor, borrowed when it has no escapes.
    pub(super) fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        self.pos += 1;
        let mut chunk = self.pos;
        let mut owned: Option<String> = None;
        loop {
            self.plain_run();
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    let tail = self.slice(chunk, self.pos)?;
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.slice(chunk, self.pos)?);
                    self.pos += 1;
                    self.escape(Some(text))?;
                    chunk = self.pos;
                }
                Some(0..=0x1f) => return Err(self.control_character()),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Passes over a string, checking it as serde_json does when it ignores one: escapes
    /// must be well formed, but a lone surrogate is let through (it is not read).
    fn skip_string(&mut self) -> Result<(), Error> {
        self.pos += 1;
        loop {
            self.plain_run();
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(None)?;
                }
                Some(0..=0x1f) => return Err(self.control_character()),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn control_character(&self) -> Error {
        self.error("control character (\\u0000-\\u001F) found while parsing a string")
    }

    /// The escape after a backslash; appended to `out` when reading.
    fn escape(&mut self, out: Option<&mut String>) -> Result<(), Error> {
        let Some(byte) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.pos += 1;
        let decoded = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if out.is_none() {
                    return Ok(());
                }
                self.code_point(unit)?
            }
            _ => return Err(self.error("invalid escape")),
        };
        if let Some(out) = out {
            out.push(decoded);
        }
        Ok(())
    }

    /// A character from a `\u` escape; a surrogate must be the first of a pair.
    fn code_point(&mut self, unit: u32) -> Result<char, Error> {
        let lone = |reader: &Self| reader.error("lone leading surrogate in hex escape");
        let code = match unit {
            0xDC00..=0xDFFF => return Err(lone(self)),
            0xD800..=0xDBFF => {
                let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
                if !rest.starts_with(b"\\u") {
                    return Err(self.error("unexpected end of hex escape"));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(self));
                }
                0x1_0000 + ((unit - 0xD800) << 10 | (low - 0xDC00))
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| lone(self))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut unit = 0;
        for _ in 0..4 {
            let Some(byte) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            let digit = (byte as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    /// Passes over a number, checking JSON's grammar (no leading zeros, no bare dot, no
    /// `+`, `Infinity` or `NaN`); says whether it has a fraction or an exponent.
    fn scan_number(&mut self) -> Result<bool, Error> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.at_least_one_digit()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.at_least_one_digit()?;
            float = true;
        }
        Ok(float)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Result<(), Error> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error("invalid number"));
        }
        self.digits();
        Ok(())
    }

    pub(super) fn number(&mut self) -> Result<Parsed, Error> {
        let start = self.pos;
        let float = self.scan_number()?;
        let text = self.slice(start, self.pos)?;
        if !float {
            let (negative, digits) = match text.strip_prefix('-') {
                Some(digits) => (true, digits),
                None => (false, text),
            };
            // Longer than a u64 holds: read as a float below, as serde_json does.
            if let Ok(magnitude) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Parsed::U64(magnitude));
                }
                // serde_json's rule: -0 and anything below i64::MIN become floats.
                let negated = (magnitude as i64).wrapping_neg();
                return Ok(if negated >= 0 {
                    Parsed::F64(-(magnitude as f64))
                } else {
                    Parsed::I64(negated)
                });
            }
        }
        // core's parser rounds correctly: the f64 nearest the decimal, every time.
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(Parsed::F64(value)),
            _ => Err(Error::syntax(self.text, start, "number out of range")),
        }
    }

    /// Passes over one value of any depth without reading it. Iterative, with the open
    /// containers kept on a heap stack, so nesting costs no wasm stack (serde_json does
    /// the same when it ignores a value).
    pub(super) fn skip_value(&mut self) -> Result<(), Error> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.skip_ws() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b'[') => {
                    self.pos += 1;
                    if self.skip_ws() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'{') => {
                    self.pos += 1;
                    if self.skip_ws() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(b'}');
                        self.skip_key()?;
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b'n') => self.keyword("null")?,
                Some(b't') => self.keyword("true")?,
                Some(b'f') => self.keyword("false")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.scan_number()?;
                }
                Some(_) => return Err(self.error("expected value")),
            }
            // After a value: close what ends here, or go on to the next item.
            loop {
                let Some(&closer) = open.last() else {
                    return Ok(());
                };
                match self.skip_ws() {
                    Some(b',') => {
                        self.pos += 1;
                        if closer == b'}' {
                            self.skip_key()?;
                        }
                        break;
                    }
                    Some(byte) if byte == closer => {
                        self.pos += 1;
                        open.pop();
                    }
                    _ if closer == b']' => return Err(self.error("expected `,` or `]`")),
                    _ => return Err(self.error("expected `,` or `}`")),
                }
            }
        }
    }

    fn skip_key(&mut self) -> Result<(), Error> {
        if self.skip_ws() != Some(b'"') {
            return Err(self.error("key must be a string"));
        }
        self.skip_string()?;
        self.eat(b':', "expected `:`")
    }
}

/// The next value's first piece: a whole scalar, or the opening of a container (already
/// stepped into). Read by one function compiled once, so what is instantiated per record
/// type is only the dispatch to its visitor.
enum Token<'de> {
    Null,
    Bool(bool),
    Str(Cow<'de, str>),
    Number(Parsed),
    Array,
    Object,
}

impl<'de> Reader<'de> {
    fn token(&mut self) -> Result<Token<'de>, Error> {
        Ok(match self.skip_ws() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'n') => {
                self.keyword("null")?;
                Token::Null
            }
            Some(b't') => {
                self.keyword("true")?;
                Token::Bool(true)
            }
            Some(b'f') => {
                self.keyword("false")?;
                Token::Bool(false)
            }
            Some(b'"') => Token::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => Token::Number(self.number()?),
            Some(b'[') => {
                self.enter()?;
                Token::Array
            }
            Some(b'{') => {
                self.enter()?;
                Token::Object
            }
            Some(_) => return Err(self.error("expected value")),
        })
    }

    /// "invalid type: map, expected u32": what was found instead of what the visitor wanted.
    fn unexpected(token: &Token<'_>, expected: &dyn de::Expected) -> Error {
        let found = match token {
            Token::Null => Unexpected::Unit,
            Token::Bool(value) => Unexpected::Bool(*value),
            Token::Str(text) => Unexpected::Str(text),
            Token::Number(Parsed::U64(value)) => Unexpected::Unsigned(*value),
            Token::Number(Parsed::I64(value)) => Unexpected::Signed(*value),
            Token::Number(Parsed::F64(value)) => Unexpected::Float(*value),
            Token::Array => Unexpected::Seq,
            Token::Object => Unexpected::Map,
        };
        de::Error::invalid_type(found, expected)
    }

    /// A scalar for `visitor`; a container is refused without instantiating the visitor's
    /// container methods, which a number or a string never has.
    fn scalar<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Null => visitor.visit_unit(),
            Token::Bool(value) => visitor.visit_bool(value),
            Token::Str(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Token::Str(Cow::Owned(text)) => visitor.visit_string(text),
            Token::Number(Parsed::U64(value)) => visitor.visit_u64(value),
            Token::Number(Parsed::I64(value)) => visitor.visit_i64(value),
            Token::Number(Parsed::F64(value)) => visitor.visit_f64(value),
            other => Err(Self::unexpected(&other, &visitor)),
        }
    }

    fn array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let value = visitor.visit_seq(Items {
            reader: self,
            first: true,
        })?;
        self.leave(b']')?;
        Ok(value)
    }

    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let value = visitor.visit_map(Fields {
            reader: self,
            first: true,
        })?;
        self.leave(b'}')?;
        Ok(value)
    }
}

macro_rules! scalars {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.scalar(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    /// Any value: only for what cannot say what it holds ([`super::Value`], and serde's
    /// buffering of a tagged enum).
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.skip_ws() {
            Some(b'[') => {
                self.enter()?;
                self.array(visitor)
            }
            Some(b'{') => {
                self.enter()?;
                self.object(visitor)
            }
            _ => self.scalar(visitor),
        }
    }

    scalars! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.scalar(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Array => self.array(visitor),
            other => Err(Reader::unexpected(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Object => self.object(visitor),
            other => Err(Reader::unexpected(&other, &visitor)),
        }
    }

    /// A record is an object. serde_json would also read a list as the fields in order;
    /// nothing Patella writes is one, and refusing it leaves out a second reader of every
    /// record type (the backup check refuses a list too).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.skip_ws() == Some(b'n') {
            self.keyword("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// `"Variant"` for a unit variant, `{"Variant": content}` for the others, as serde_json
    /// writes them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Str(name) => visitor.visit_enum(name.into_deserializer()),
            Token::Object => {
                let value = visitor.visit_enum(Variant { reader: self })?;
                self.leave(b'}')?;
                Ok(value)
            }
            other => Err(Reader::unexpected(&other, &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}

/// The items of an array, the reader just past `[`.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.reader.skip_ws() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => self.reader.pos += 1,
            _ if self.first => {}
            _ => return Err(self.reader.error("expected `,` or `]`")),
        }
        self.first = false;
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The fields of an object, the reader just past `{`. Keys are read as the strings they
/// are; a map keyed by numbers is not something Patella stores.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Fields<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.reader.skip_ws() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => self.reader.pos += 1,
            _ if self.first => {}
            _ => return Err(self.reader.error("expected `,` or `}`")),
        }
        self.first = false;
        if self.reader.skip_ws() != Some(b'"') {
            return Err(self.reader.error("key must be a string"));
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.reader.eat(b':', "expected `:`")?;
        seed.deserialize(&mut *self.reader)
    }
}

/// `{"Variant": content}`, the reader just past `{`.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        // A key, so a string: serde would take a number for the variant's index.
        if self.reader.skip_ws() != Some(b'"') {
            return Err(self.reader.error("expected value"));
        }
        let variant = seed.deserialize(&mut *self.reader)?;
        self.reader.eat(b':', "expected `:`")?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        <()>::deserialize(self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self.reader, visitor)
    }
}
