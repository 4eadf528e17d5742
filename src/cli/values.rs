//! Value parsers of the command line: words the commands read themselves (`2. kvartal`,
//! `færdig`) and the CSV field separator.

/// A value parser for an option whose words the command parses itself (in English and in
/// Danish, `2. kvartal`, `færdig`): any text is accepted here, and the file words (`Q2`,
/// `done`) are offered to shell completion as possible values, hidden from `--help`, which
/// names them in prose.
#[derive(Clone, Copy)]
pub struct Words(fn() -> Vec<&'static str>);

impl Words {
    /// The periods as written in files: `year`, `Q1` … `Q4`.
    pub const PERIODS: Words = Words(|| {
        crate::model::Period::ALL
            .iter()
            .map(|p| p.as_str())
            .collect()
    });
    /// The quarters: `Q1` … `Q4`.
    pub const QUARTERS: Words = Words(|| {
        crate::model::Period::ALL
            .iter()
            .map(|p| p.as_str())
            .filter(|p| p.starts_with('Q'))
            .collect()
    });
    /// The statuses as written in files: `planned`, `active` ….
    pub const STATUSES: Words = Words(|| {
        crate::model::Status::ALL
            .iter()
            .map(|s| s.as_str())
            .collect()
    });
}

impl clap::builder::TypedValueParser for Words {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// A field separator chosen with `--delimiter`: one ASCII character that is neither a letter,
/// a digit, a quote nor a line break (`;`, `,`, `|`, or a tab given as `tab` or `\t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub u8);

impl Delimiter {
    /// Reads the command line's `--delimiter` (clap's value parser): `;`, `,`, `|`, `tab`,
    /// `\t`, or the words `semicolon`, `comma`, `pipe`. Errors name what is accepted.
    pub fn parse(text: &str) -> Result<Delimiter, String> {
        let byte = match text.to_ascii_lowercase().as_str() {
            "tab" | "\\t" | "\t" => b'\t',
            "semicolon" => b';',
            "comma" => b',',
            "pipe" => b'|',
            other if other.len() == 1 => other.as_bytes()[0],
            _ => return Err(Self::HELP.to_string()),
        };
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'"' | b'\'' | b'\r' | b'\n' | b' ')
            || !byte.is_ascii()
            || byte.is_ascii_control() && byte != b'\t'
        {
            return Err(Self::HELP.to_string());
        }
        Ok(Delimiter(byte))
    }

    const HELP: &'static str =
        "give one character such as `;`, `,` or `|`, or `tab` (not a letter, digit, quote or space)";
}
