//! A record as a row of text cells, read from its `Serialize` derive: the field names are the
//! CSV header and the JSON keys alike, so the two cannot drift apart. Scalars are written as
//! serde names them (`true`, `Q2`, `planned`), `None` as an empty cell, a list as its
//! entries joined with "; ".

use serde::ser::{self, Impossible, Serialize, SerializeSeq, SerializeStruct, Serializer};

/// The field names of `record` (a struct of scalars, options and lists), in order.
pub fn names<T: Serialize>(record: &T) -> Vec<&'static str> {
    row(record).into_iter().map(|(name, _)| name).collect()
}

/// The cells of `record`, in field order.
pub fn values<T: Serialize>(record: &T) -> Vec<String> {
    row(record).into_iter().map(|(_, cell)| cell).collect()
}

fn row<T: Serialize>(record: &T) -> Vec<(&'static str, String)> {
    record
        .serialize(Row(Vec::new()))
        .expect("a record is a struct of scalars, options and lists")
}

#[derive(Debug)]
struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a flat record")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Unsupported
    }
}

/// Serialises a struct into (field name, cell) pairs.
struct Row(Vec<(&'static str, String)>);

/// Serialises one value into a cell.
struct Cell;

/// Collects a list's entries.
struct List(Vec<String>);

type Out = Vec<(&'static str, String)>;

macro_rules! refuse_row {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Out, Unsupported> { Err(Unsupported) })*
    };
}

impl Serializer for Row {
    type Ok = Out;
    type Error = Unsupported;
    type SerializeSeq = Impossible<Out, Unsupported>;
    type SerializeTuple = Impossible<Out, Unsupported>;
    type SerializeTupleStruct = Impossible<Out, Unsupported>;
    type SerializeTupleVariant = Impossible<Out, Unsupported>;
    type SerializeMap = Impossible<Out, Unsupported>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<Out, Unsupported>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unsupported> {
        Ok(self)
    }

    refuse_row!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Out, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Out, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Out, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl SerializeStruct for Row {
    type Ok = Out;
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.0.push((key, value.serialize(Cell)?));
        Ok(())
    }
    fn end(self) -> Result<Out, Unsupported> {
        Ok(self.0)
    }
}

macro_rules! shown {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<String, Unsupported> { Ok(v.to_string()) })*
    };
}

impl Serializer for Cell {
    type Ok = String;
    type Error = Unsupported;
    type SerializeSeq = List;
    type SerializeTuple = Impossible<String, Unsupported>;
    type SerializeTupleStruct = Impossible<String, Unsupported>;
    type SerializeTupleVariant = Impossible<String, Unsupported>;
    type SerializeMap = Impossible<String, Unsupported>;
    type SerializeStruct = Impossible<String, Unsupported>;
    type SerializeStructVariant = Impossible<String, Unsupported>;

    shown!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
    );
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<String, Unsupported> {
        Ok(String::new())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<String, Unsupported> {
        v.serialize(Cell)
    }
    fn serialize_unit(self) -> Result<String, Unsupported> {
        Ok(String::new())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Unsupported> {
        Ok(String::new())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Unsupported> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<String, Unsupported> {
        v.serialize(Cell)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List, Unsupported> {
        Ok(List(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl SerializeSeq for List {
    type Ok = String;
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Unsupported> {
        self.0.push(v.serialize(Cell)?);
        Ok(())
    }
    fn end(self) -> Result<String, Unsupported> {
        Ok(self.0.join(crate::render::csv::LIST_SEPARATOR))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Status};

    #[derive(serde::Serialize, Default)]
    struct Example<'a> {
        id: &'a str,
        period: Period,
        tags: &'a [String],
        status: Status,
        deadline: Option<String>,
        late: bool,
    }

    #[test]
    fn a_record_is_its_field_names_and_cells() {
        let tags = ["a".to_string(), "b c".to_string()];
        let record = Example {
            id: "x",
            period: Period::Q(2),
            tags: &tags,
            status: Status::Active,
            deadline: None,
            late: true,
        };
        assert_eq!(
            names(&Example::default()),
            ["id", "period", "tags", "status", "deadline", "late"]
        );
        assert_eq!(values(&record), ["x", "Q2", "a; b c", "active", "", "true"]);
    }
}
