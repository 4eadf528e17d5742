//! Plurals as a type: a number and the noun it counts, which prints itself in the singular
//! or the plural ("1 indsats", "2 indsatser"), so no text spells an ending inline.

use std::fmt;

/// A noun in its singular and plural form ("indsats" / "indsatser"), counted by [`Count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// The form after 1: "indsats", "initiative".
    pub one: &'static str,
    /// The form after any other number, 0 included: "indsatser", "initiatives".
    pub many: &'static str,
}

impl Noun {
    /// The form after the number `n`: [`Noun::one`] after 1, else [`Noun::many`].
    pub fn form(self, n: usize) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.many
        }
    }
}

/// A number and the noun it counts; prints itself as "1 indsats" / "2 indsatser".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// How many.
    pub n: usize,
    /// What is counted.
    pub noun: Noun,
}

impl Count {
    /// `n` of `noun`.
    pub fn new(n: usize, noun: Noun) -> Self {
        Count { n, noun }
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.n, self.noun.form(self.n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERROR: Noun = Noun {
        one: "error",
        many: "errors",
    };

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(Count::new(1, ERROR).to_string(), "1 error");
        assert_eq!(Count::new(0, ERROR).to_string(), "0 errors");
        assert_eq!(Count::new(21, ERROR).to_string(), "21 errors");
    }
}
