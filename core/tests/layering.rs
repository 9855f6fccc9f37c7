//! The core's modules depend in one direction (docs/ARCHITECTURE.md, "The layers"): a module
//! may use the ones below it in [`LAYERS`], never one above. This test reads every file of
//! `core/src` with `syn`, finds each path into another module (`crate::…`, `super::super::…`,
//! a name the crate root re-exports, and the same inside macro calls), and fails on an edge
//! that runs upwards, naming the file and both modules.
//!
//! Test code (`#[cfg(test)]`) is left out: it may build its fixtures with anything.

#![allow(clippy::expect_used, clippy::panic)] // tests: a failed expect is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// The layers, bottom first. A module may use its own layer and those listed before it.
const LAYERS: &[&[&str]] = &[
    // The shared base: exact numbers, texts in two languages, terms, findings and problems,
    // JSON, the one error type and the reasons it carries, the writing style, the thread pool.
    &[
        "unicode", "decimal", "parallel", "text", "term", "finding", "problem", "json", "access",
        "error", "style", "rounding",
    ],
    &["period"],
    &["value", "formula"],
    &["catalogue"],
    &["org"],
    &["ledger"],
    &["columns", "resolver"],
    &["progress"],
    &["quality"],
    &["evaluation"],
    &["report"],
    &["form"],
    // What the crate offers as a whole: the façade and the registries.
    &["reporting", "vocabulary"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// One path from a file into another module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    file: String,
    from: String,
    to: String,
}

/// Collects the top-level modules a file's paths reach.
struct Reach<'a> {
    /// How deep the code being read sits below the crate root (`catalogue/validate.rs` is 2).
    depth: usize,
    /// Names the crate root re-exports, with the module each comes from.
    roots: &'a BTreeMap<String, String>,
    reached: BTreeSet<String>,
}

impl Reach<'_> {
    /// The top-level module a path's segments start in, if it leaves the file's own module.
    fn start(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let rest = if first == "crate" {
            &segments[1..]
        } else if first == "super" {
            let supers = segments.iter().take_while(|s| *s == "super").count();
            if supers < self.depth {
                return;
            }
            &segments[supers..]
        } else {
            return;
        };
        if let Some(name) = rest.first() {
            let module = self
                .roots
                .get(name)
                .cloned()
                .unwrap_or_else(|| name.clone());
            self.reached.insert(module);
        }
    }

    /// `crate :: name` and `super :: … :: name` inside a macro call's tokens: a path is a run
    /// of identifiers joined by `::`; anything else ends it.
    fn tokens(&mut self, tokens: TokenStream) {
        let mut words: Vec<String> = Vec::new();
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => words.push(ident.to_string()),
                TokenTree::Punct(punct) if punct.as_char() == ':' => {}
                TokenTree::Group(group) => {
                    self.path_words(&words);
                    words.clear();
                    self.tokens(group.stream());
                }
                _ => {
                    self.path_words(&words);
                    words.clear();
                }
            }
        }
        self.path_words(&words);
    }

    fn path_words(&mut self, words: &[String]) {
        let Some(at) = words.iter().position(|w| w == "crate" || w == "super") else {
            return;
        };
        self.start(&words[at..]);
    }
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Meta>()
                .is_ok_and(|meta| meta.path().is_ident("test"))
    })
}

fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let mut path = prefix.clone();
            path.push(name.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Rename(rename) => {
            let mut path = prefix.clone();
            path.push(rename.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(group) => {
            for item in &group.items {
                use_paths(item, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Reach<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_test_only(&item.attrs) {
            return;
        }
        self.depth += 1;
        syn::visit::visit_item_mod(self, item);
        self.depth -= 1;
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_impl(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_test_only(&item.attrs) {
            return;
        }
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for path in paths {
            self.start(&path);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.start(&segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
        syn::visit::visit_macro(self, mac);
    }
}

/// The names `lib.rs` re-exports (`pub use catalogue::Catalogue;`), with their module.
fn root_names(lib: &syn::File) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for item in &lib.items {
        if let syn::Item::Use(item) = item {
            let mut paths = Vec::new();
            use_paths(&item.tree, &mut Vec::new(), &mut paths);
            for path in paths {
                if let (Some(module), Some(name)) = (path.first(), path.last())
                    && path.len() > 1
                {
                    names.insert(name.clone(), module.clone());
                }
            }
        }
    }
    names
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("core/src is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to, and how deep its code sits below the crate root.
fn module_of(relative: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let top = parts.first()?.clone();
    if top == "lib" {
        return None;
    }
    let depth = if parts.last().is_some_and(|p| p == "mod") {
        parts.len() - 1
    } else {
        parts.len()
    };
    Some((top, depth))
}

/// Every edge between two different top-level modules in the sources under `src`.
fn edges(src: &Path, sources: &[(PathBuf, String)]) -> Vec<Edge> {
    let lib = sources
        .iter()
        .find(|(path, _)| path == &src.join("lib.rs"))
        .map(|(_, text)| syn::parse_file(text).expect("lib.rs parses"));
    let roots = lib.as_ref().map(root_names).unwrap_or_default();
    let mut edges = Vec::new();
    for (path, text) in sources {
        let relative = path.strip_prefix(src).expect("a file under src");
        let Some((module, depth)) = module_of(relative) else {
            continue;
        };
        let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut reach = Reach {
            depth,
            roots: &roots,
            reached: BTreeSet::new(),
        };
        reach.visit_file(&file);
        for to in reach.reached {
            if to != module {
                edges.push(Edge {
                    file: relative.display().to_string(),
                    from: module.clone(),
                    to,
                });
            }
        }
    }
    edges
}

/// The edges that run upwards or reach a module no layer lists.
fn violations(edges: &[Edge]) -> Vec<String> {
    edges
        .iter()
        .filter_map(|edge| match (rank(&edge.from), rank(&edge.to)) {
            (Some(from), Some(to)) if to <= from => None,
            (Some(_), Some(_)) => Some(format!(
                "{}: {} uses {}, a layer above it",
                edge.file, edge.from, edge.to
            )),
            (None, _) => Some(format!(
                "{}: the module {} is in no layer",
                edge.file, edge.from
            )),
            (_, None) => Some(format!(
                "{}: the module {} is in no layer",
                edge.file, edge.to
            )),
        })
        .collect()
}

fn read_core() -> (PathBuf, Vec<(PathBuf, String)>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let sources = paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            (path, text)
        })
        .collect();
    (src, sources)
}

#[test]
fn the_core_modules_depend_only_downwards() {
    let (src, sources) = read_core();
    let edges = edges(&src, &sources);
    assert!(
        edges.len() > 50,
        "the reader found only {} edges: it has stopped seeing paths",
        edges.len()
    );
    let found = violations(&edges);
    assert!(
        found.is_empty(),
        "{} edges run upwards:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let (src, sources) = read_core();
    let mut modules = BTreeSet::new();
    for (path, _) in &sources {
        if let Some((module, _)) = module_of(path.strip_prefix(&src).expect("under src")) {
            modules.insert(module);
        }
    }
    let missing: Vec<_> = modules.iter().filter(|m| rank(m).is_none()).collect();
    assert!(missing.is_empty(), "modules in no layer: {missing:?}");
}

/// The reader itself: each way of naming a module above is caught, and a path within the
/// file's own module, or downwards, is not.
#[test]
fn an_upward_path_is_caught_however_it_is_spelled() {
    let src = PathBuf::from("/src");
    let lib = "pub mod catalogue; pub mod formula; pub mod evaluation; pub use evaluation::Scheme;";
    let cases = [
        ("formula/a.rs", "use crate::catalogue::Catalogue;", true),
        (
            "formula/a.rs",
            "use crate::{period::Period, catalogue::Layer};",
            true,
        ),
        (
            "formula/a.rs",
            "fn f() -> crate::catalogue::Layer { todo!() }",
            true,
        ),
        ("formula/a.rs", "fn f(s: crate::Scheme) {}", true),
        ("formula/a.rs", "use super::super::catalogue::Layer;", true),
        ("formula/mod.rs", "use super::catalogue::Layer;", true),
        (
            "formula/a.rs",
            "fn f() { let _ = format!(\"{}\", crate::catalogue::X); }",
            true,
        ),
        (
            "formula/a.rs",
            "fn f() { m!(crate::period::P, crate::catalogue::X); }",
            true,
        ),
        (
            "formula/a.rs",
            "use super::ast::Expr; use crate::formula::b;",
            false,
        ),
        ("formula/a.rs", "use crate::period::Period;", false),
        (
            "formula/a.rs",
            "#[cfg(test)] mod tests { use crate::catalogue::Catalogue; }",
            false,
        ),
        ("catalogue/a.rs", "use crate::formula::Expr;", false),
    ];
    for (file, text, upward) in cases {
        let sources = vec![
            (src.join("lib.rs"), lib.to_string()),
            (src.join(file), text.to_string()),
        ];
        let found = violations(&edges(&src, &sources));
        assert_eq!(!found.is_empty(), upward, "{file}: {text} gave {found:?}");
    }
}
