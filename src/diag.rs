//! The finding vocabulary under its old path, so code written against `crate::diag` keeps
//! compiling while the other branches of issue 9 land. Its home is [`crate::check::rule`]
//! (the rule table) and [`crate::check::diagnostic`] (a finding).

pub use crate::check::diagnostic::Diagnostic;
pub use crate::check::rule::{Rule, RuleInfo, Severity};
