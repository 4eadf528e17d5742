//! The layout ARCHITECTURE.md describes, held by a test: no two source files import each other
//! through a chain of `use crate::…` / `super::…` paths (test modules not counted).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, as its module path (`["check", "rule"]`) → its text without
/// the test module at its end.
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, String>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut module = prefix.to_vec();
                if !matches!(stem, "mod" | "lib" | "main") {
                    module.push(stem.to_string());
                }
                let text = fs::read_to_string(&path).unwrap();
                let text = match text.find("#[cfg(test)]\nmod tests") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                if !(prefix.is_empty() && stem == "main") {
                    out.insert(module, text);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The paths a file names: `crate::a::b` and `super::c`, with one level of `{…}` expanded,
/// as absolute module paths.
fn named_paths(module: &[String], is_mod_file: bool, text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for (start, root) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if start > 0 && text[..start].ends_with(|c: char| word(c) || c == ':') {
            continue;
        }
        let mut base: Vec<String> = if root == "crate::" {
            Vec::new()
        } else {
            // `super` of a `mod.rs` file is its folder's parent; of `x.rs`, its folder.
            let up = if is_mod_file { 2 } else { 1 };
            module[..module.len().saturating_sub(up)].to_vec()
        };
        let rest = &text[start + root.len()..];
        let path: String = rest.chars().take_while(|&c| word(c) || c == ':').collect();
        base.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
        let after = &rest[path.len()..];
        if path.ends_with("::") && after.starts_with('{') {
            let inner = &after[1..after.find('}').unwrap_or(after.len())];
            for item in inner.split(',') {
                let mut p = base.clone();
                p.extend(
                    item.trim()
                        .split("::")
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty() && s.chars().all(word)),
                );
                out.push(p);
            }
        } else {
            out.push(base);
        }
    }
    out
}

#[test]
fn no_source_file_imports_itself_through_others() {
    let modules = modules();
    let mod_files: BTreeSet<Vec<String>> = modules
        .keys()
        .filter(|m| {
            modules
                .keys()
                .any(|o| o.len() > m.len() && o.starts_with(m))
        })
        .cloned()
        .collect();
    let mut edges: BTreeMap<&Vec<String>, BTreeSet<&Vec<String>>> = BTreeMap::new();
    for (module, text) in &modules {
        let is_mod = mod_files.contains(module);
        let own = if is_mod {
            let mut m = module.clone();
            m.push(String::new());
            m
        } else {
            module.clone()
        };
        for path in named_paths(&own, is_mod, text) {
            // The longest module that is a prefix of the path.
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find_map(|p| modules.get_key_value(&p).map(|(k, _)| k));
            if let Some(target) = target {
                if target != module && !module.starts_with(target) {
                    edges.entry(module).or_default().insert(target);
                }
            }
        }
    }
    // Depth-first search for a cycle.
    fn visit<'a>(
        node: &'a Vec<String>,
        edges: &BTreeMap<&'a Vec<String>, BTreeSet<&'a Vec<String>>>,
        stack: &mut Vec<&'a Vec<String>>,
        done: &mut BTreeSet<&'a Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| *n == node) {
            return Some(stack[i..].iter().map(|m| m.join("::")).collect());
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in modules.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", cycle.join(" → "));
        }
    }
}
