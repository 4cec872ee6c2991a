//! The raw text of an array's items and an object's fields: what the store needs to read
//! an envelope without reading its data, and to read a list of records one at a time so
//! a damaged record costs only itself.

use std::borrow::Cow;

use super::read::Reader;
use super::Error;

/// Each item of the array that is the whole of `text`, as its own slice of the text.
/// Fails if `text` is not JSON, or is JSON but not an array.
pub fn array_items(text: &str) -> Result<Vec<&str>, Error> {
    let mut reader = Reader::new(text);
    open(&mut reader, b'[', "a list")?;
    let mut items = Vec::new();
    if reader.skip_ws() == Some(b']') {
        reader.pos += 1;
    } else {
        loop {
            items.push(value(&mut reader)?);
            match reader.skip_ws() {
                Some(b',') => reader.pos += 1,
                Some(b']') => {
                    reader.pos += 1;
                    break;
                }
                _ => return Err(reader.error("expected `,` or `]`")),
            }
        }
    }
    reader.end()?;
    Ok(items)
}

/// Each field of the object that is the whole of `text`: its key (unescaped) and its
/// value's slice of the text, in the order written, repeated keys included. Fails if
/// `text` is not JSON, or is JSON but not an object.
pub fn object_fields(text: &str) -> Result<Vec<(Cow<'_, str>, &str)>, Error> {
    let mut reader = Reader::new(text);
    open(&mut reader, b'{', "a group of fields")?;
    let mut fields = Vec::new();
    if reader.skip_ws() == Some(b'}') {
        reader.pos += 1;
    } else {
        loop {
            if reader.skip_ws() != Some(b'"') {
                return Err(reader.error("key must be a string"));
            }
            let key = reader.string()?;
            reader.eat(b':', "expected `:`")?;
            fields.push((key, value(&mut reader)?));
            match reader.skip_ws() {
                Some(b',') => reader.pos += 1,
                Some(b'}') => {
                    reader.pos += 1;
                    break;
                }
                _ => return Err(reader.error("expected `,` or `}`")),
            }
        }
    }
    reader.end()?;
    Ok(fields)
}

/// Steps past the opening bracket. Text that opens with anything else is checked as JSON
/// first, so that a syntax error is told apart from JSON of the wrong shape.
fn open(reader: &mut Reader<'_>, bracket: u8, shape: &str) -> Result<(), Error> {
    if reader.skip_ws() == Some(bracket) {
        reader.pos += 1;
        return Ok(());
    }
    reader.skip_value()?;
    reader.end()?;
    Err(Error::data(format!("it is not {shape}")))
}

fn value<'de>(reader: &mut Reader<'de>) -> Result<&'de str, Error> {
    reader.skip_ws();
    let start = reader.pos;
    reader.skip_value()?;
    reader.slice(start, reader.pos)
}
