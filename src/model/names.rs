//! Names derived from an enum's serde attributes, as `&'static str`: the one source for the
//! words a status, a funding state, a severity or a rule is written with in files, JSON and on
//! the command line (clap's `ValueEnum` derives the same kebab-case names; tests compare them).

use serde::ser::{self, Impossible, Serialize, Serializer};

/// The name serde writes for a unit variant of `value` (after `rename_all`).
///
/// Panics if `T` serialises as anything but a unit variant: that is a programming error in
/// this crate, never a consequence of user input.
pub fn variant_name<T: Serialize>(value: &T) -> &'static str {
    value
        .serialize(VariantName)
        .expect("variant_name is only used on enums of unit variants")
}

struct VariantName;

#[derive(Debug)]
struct NotUnitVariant;

impl std::fmt::Display for NotUnitVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotUnitVariant {}

impl ser::Error for NotUnitVariant {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        NotUnitVariant
    }
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<&'static str, NotUnitVariant> {
            Err(NotUnitVariant)
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotUnitVariant;
    type SerializeSeq = Impossible<&'static str, NotUnitVariant>;
    type SerializeTuple = Impossible<&'static str, NotUnitVariant>;
    type SerializeTupleStruct = Impossible<&'static str, NotUnitVariant>;
    type SerializeTupleVariant = Impossible<&'static str, NotUnitVariant>;
    type SerializeMap = Impossible<&'static str, NotUnitVariant>;
    type SerializeStruct = Impossible<&'static str, NotUnitVariant>;
    type SerializeStructVariant = Impossible<&'static str, NotUnitVariant>;

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotUnitVariant> {
        Ok(variant)
    }

    refuse!(
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
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotUnitVariant> {
        Err(NotUnitVariant)
    }
}

/// The value of `T` whose derived name is `name`, among `T`'s clap variants.
pub fn from_name<T: Serialize + clap::ValueEnum + Copy>(name: &str) -> Option<T> {
    T::value_variants()
        .iter()
        .copied()
        .find(|v| variant_name(v) == name)
}

/// For tests: serde's and clap's derived names of every variant of `T` are the same.
#[cfg(test)]
pub fn assert_names_agree<T: Serialize + clap::ValueEnum>() {
    for v in T::value_variants() {
        let clap = v.to_possible_value().expect("no skipped variants");
        assert_eq!(variant_name(v), clap.get_name());
    }
}
