//! Validation of a whole catalogue: every finding at once, in document order.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::CatalogueProblem;
use super::graph::{shortest_cycle, strongly_connected};
use super::{
    Catalogue, Comparator, DataSource, Direction, ExplanationRequirement, Indicator, Method,
    Target, ValidationRule, ValueType,
};
use crate::decimal::MAX_PRECISION;
use crate::formula::FormulaProblem;
use crate::formula::{self, Context, Shift, Type};
use crate::{Finding, InputProblem, Problem, Span, Text, json};

/// The longest code accepted.
pub const MAX_CODE_LEN: usize = 64;

/// Whether `code` follows the code syntax: a Latin letter, then letters, digits or `_`, at most
/// [`MAX_CODE_LEN`] characters. Codes appear in formulas, so they must be formula names.
pub fn is_valid_code(code: &str) -> bool {
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && code.len() <= MAX_CODE_LEN
}

struct Checker<'a> {
    findings: Vec<Finding>,
    /// Indicator codes to their position, for the reference graph.
    indicator_index: HashMap<&'a str, usize>,
    /// Same-period references from each indicator to others.
    edges: Vec<Vec<usize>>,
    /// First place each code was defined, per namespace.
    seen: HashMap<(&'static str, &'a str), String>,
    agencies: HashSet<&'a str>,
    groups: HashSet<&'a str>,
    /// Data element and indicator codes, with their types: what formulas may refer to.
    names: Names<'a>,
    used: HashSet<&'a str>,
}

pub(super) fn validate(catalogue: &Catalogue) -> Vec<Finding> {
    let count = catalogue.indicators.len()
        + catalogue.data_elements.len()
        + catalogue.validation_rules.len();
    if count > super::MAX_CATALOGUE_ITEMS {
        let problem = InputProblem::TooMany {
            what: (
                "chỉ số, chỉ tiêu dữ liệu và quy tắc kiểm tra",
                "indicators, data elements and validation rules",
            ),
            count,
            limit: super::MAX_CATALOGUE_ITEMS,
        };
        return vec![Finding::new(&problem, "")];
    }
    let groups = catalogue.groups_with_paths();
    let mut c = Checker {
        findings: Vec::new(),
        seen: HashMap::new(),
        agencies: catalogue.agencies.iter().map(|a| a.code.as_str()).collect(),
        groups: groups.iter().map(|(_, g)| g.code.as_str()).collect(),
        names: Names {
            types: catalogue
                .data_elements
                .iter()
                .map(|d| (d.code.as_str(), d.value_type.formula_type()))
                .chain(
                    catalogue
                        .indicators
                        .iter()
                        .map(|i| (i.code.as_str(), i.value_type.formula_type())),
                )
                .collect(),
        },
        indicator_index: catalogue
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.code.as_str(), i))
            .collect(),
        edges: vec![Vec::new(); catalogue.indicators.len()],
        used: HashSet::new(),
    };
    c.nonblank(&catalogue.id, "/id".into());
    c.text(&catalogue.title, "/title");
    c.nonblank(&catalogue.version, "/version".into());
    for (i, basis) in catalogue.legal_basis.iter().enumerate() {
        c.nonblank(basis, format!("/legal_basis/{i}"));
    }
    for (i, agency) in catalogue.agencies.iter().enumerate() {
        let path = format!("/agencies/{i}");
        c.code("agency", &agency.code, &path);
        c.text(&agency.name, &format!("{path}/name"));
    }
    for (path, group) in &groups {
        c.code("group", &group.code, path);
        c.text(&group.name, &format!("{path}/name"));
    }
    for (i, element) in catalogue.data_elements.iter().enumerate() {
        let path = format!("/data_elements/{i}");
        c.code("item", &element.code, &path);
        c.text(&element.name, &format!("{path}/name"));
        c.text(&element.definition, &format!("{path}/definition"));
        c.text(&element.unit, &format!("{path}/unit"));
        c.source(&element.source, &path);
    }
    for (i, indicator) in catalogue.indicators.iter().enumerate() {
        c.indicator(indicator, i, &format!("/indicators/{i}"));
    }
    c.cycles(catalogue);
    for (i, rule) in catalogue.validation_rules.iter().enumerate() {
        c.rule(rule, &format!("/validation_rules/{i}"));
    }
    if catalogue.indicators.is_empty() {
        c.push(&CatalogueProblem::NoIndicators, "/indicators".into());
    }
    for (i, element) in catalogue.data_elements.iter().enumerate() {
        if !c.used.contains(element.code.as_str()) {
            c.push(
                &CatalogueProblem::UnusedDataElement {
                    code: element.code.clone(),
                },
                format!("/data_elements/{i}"),
            );
        }
    }
    c.findings
}

impl<'a> Checker<'a> {
    fn push(&mut self, problem: &dyn Problem, path: String) {
        self.findings.push(Finding::new(problem, path));
    }

    fn nonblank(&mut self, value: &str, path: String) {
        if value.trim().is_empty() {
            self.push(&CatalogueProblem::EmptyText, path);
        }
    }

    fn text(&mut self, text: &Text, path: &str) {
        self.nonblank(&text.vi, format!("{path}/vi"));
        self.nonblank(&text.en, format!("{path}/en"));
    }

    /// Checks a code's syntax and that no earlier item of the same namespace used it.
    fn code(&mut self, namespace: &'static str, code: &'a str, path: &str) {
        let code_path = format!("{path}/code");
        if !is_valid_code(code) {
            self.push(
                &CatalogueProblem::InvalidCode {
                    code: code.to_owned(),
                },
                code_path,
            );
            return;
        }
        if let Some(first) = self.seen.get(&(namespace, code)) {
            let problem = CatalogueProblem::DuplicateCode {
                code: code.to_owned(),
                first: first.clone(),
            };
            self.push(&problem, code_path);
        } else {
            self.seen.insert((namespace, code), code_path);
        }
    }

    fn agency(&mut self, code: &str, path: String) {
        if !self.agencies.contains(code) {
            self.push(
                &CatalogueProblem::UnknownAgency {
                    agency: code.to_owned(),
                },
                path,
            );
        }
    }

    fn source(&mut self, source: &DataSource, path: &str) {
        self.text(&source.name, &format!("{path}/source/name"));
    }

    fn indicator(&mut self, ind: &'a Indicator, index: usize, path: &str) {
        self.code("item", &ind.code, path);
        self.text(&ind.name, &format!("{path}/name"));
        self.text(&ind.concept, &format!("{path}/concept"));
        if !self.groups.contains(ind.group.as_str()) {
            self.push(
                &CatalogueProblem::UnknownGroup {
                    group: ind.group.clone(),
                },
                format!("{path}/group"),
            );
        }
        self.method(ind, index, path);
        self.text(&ind.unit, &format!("{path}/unit"));
        if ind.precision > MAX_PRECISION {
            let problem = CatalogueProblem::PrecisionOutOfRange {
                precision: ind.precision,
                limit: MAX_PRECISION,
            };
            self.push(&problem, format!("{path}/precision"));
        }
        if ind.direction == Direction::InsideBand
            && !ind
                .targets
                .iter()
                .any(|t| t.comparator == Comparator::Range)
        {
            self.push(
                &CatalogueProblem::BandWithoutRange,
                format!("{path}/direction"),
            );
        }
        for (j, target) in ind.targets.iter().enumerate() {
            self.target(target, ind.value_type, &format!("{path}/targets/{j}"));
        }
        self.duplicate_targets(&ind.targets, path);
        self.source(&ind.source, path);
        let resp = &ind.responsibility;
        self.agency(
            &resp.lead_agency,
            format!("{path}/responsibility/lead_agency"),
        );
        for (j, agency) in resp.implementing_agencies.iter().enumerate() {
            self.agency(
                agency,
                format!("{path}/responsibility/implementing_agencies/{j}"),
            );
        }
        self.text(&resp.update, &format!("{path}/responsibility/update"));
        self.agency(
            &resp.verified_by,
            format!("{path}/responsibility/verified_by"),
        );
        match &ind.evidence.documents {
            Some(documents) => self.text(documents, &format!("{path}/evidence/documents")),
            None if ind.evidence.required => self.push(
                &CatalogueProblem::EvidenceWithoutDocuments,
                format!("{path}/evidence"),
            ),
            None => {}
        }
        if ind.explanation == ExplanationRequirement::WhenOffTrack && ind.targets.is_empty() {
            self.push(
                &CatalogueProblem::ExplanationWithoutTarget,
                format!("{path}/explanation"),
            );
        }
        if ind.weight.is_sign_negative() && !ind.weight.is_zero() {
            self.push(&CatalogueProblem::NegativeWeight, format!("{path}/weight"));
        }
        if ind.max_points.is_sign_negative() && !ind.max_points.is_zero() {
            self.push(
                &CatalogueProblem::NegativeMaxPoints,
                format!("{path}/max_points"),
            );
        }
        for (j, source) in ind.legal_sources.iter().enumerate() {
            self.nonblank(source, format!("{path}/legal_sources/{j}"));
        }
    }

    fn method(&mut self, ind: &'a Indicator, index: usize, path: &str) {
        self.text(
            ind.method.description(),
            &format!("{path}/method/description"),
        );
        let Method::Formula { expression, .. } = &ind.method else {
            return;
        };
        let path = format!("{path}/method/expression");
        let analysis = formula::analyse(expression, &self.names, &path);
        let mut findings = analysis.findings;
        if let Some(expr) = &analysis.expr {
            for (code, shift, span) in expr.references() {
                if let Some((&name, _)) = self.names.types.get_key_value(code) {
                    self.used.insert(name);
                }
                if shift != Shift::Current {
                    continue;
                }
                if code == ind.code {
                    let problem = CatalogueProblem::SelfReference {
                        code: ind.code.clone(),
                    };
                    let span = Span::locate(expression, span.start, span.end);
                    findings.push(Finding::new(&problem, path.clone()).with_span(span));
                } else if let Some(&target) = self.indicator_index.get(code) {
                    self.edges[index].push(target);
                }
            }
        }
        findings.sort_by_key(|f| f.span.map(|s| s.start));
        self.findings.extend(findings);
        let expected = ind.value_type.formula_type();
        if let Some(found) = analysis.result.filter(|found| *found != expected) {
            self.push(&FormulaProblem::FormulaResultType { expected, found }, path);
        }
    }

    /// A validation rule: its code, its name, both formulas, and sides the operator can compare.
    fn rule(&mut self, rule: &'a ValidationRule, path: &str) {
        self.code("rule", &rule.code, path);
        self.text(&rule.name, &format!("{path}/name"));
        let mut types = [None, None];
        for (k, (side, name)) in [(&rule.left, "left"), (&rule.right, "right")]
            .into_iter()
            .enumerate()
        {
            let at = format!("{path}/{name}/expression");
            let analysis = formula::analyse(&side.expression, &self.names, &at);
            if let Some(expr) = &analysis.expr {
                for (code, _, _) in expr.references() {
                    if let Some((&name, _)) = self.names.types.get_key_value(code) {
                        self.used.insert(name);
                    }
                }
            }
            self.findings.extend(analysis.findings);
            types[k] = analysis.result;
        }
        if let [Some(left), Some(right)] = types {
            let comparable = if rule.operator.is_ordering() {
                left == Type::Number && right == Type::Number
            } else {
                rule.operator.is_pairing() || left == right
            };
            if !comparable {
                let problem = CatalogueProblem::RuleTypeMismatch {
                    operator: rule.operator.symbol(),
                    left,
                    right,
                };
                self.push(&problem, format!("{path}/operator"));
            }
        }
    }

    /// Reports each circle of same-period references between indicators once, at its first
    /// indicator in catalogue order, naming the circle.
    fn cycles(&mut self, catalogue: &Catalogue) {
        // Linear time: strongly connected components first, then one short circle inside each.
        let component = strongly_connected(&self.edges);
        let mut seen = HashSet::new();
        for start in 0..self.edges.len() {
            // A component is reported once, from its first indicator in catalogue order.
            if !seen.insert(component[start]) {
                continue;
            }
            let Some(cycle) = shortest_cycle(&self.edges, start, |node| {
                component[node] == component[start]
            }) else {
                continue;
            };
            let names: Vec<&str> = cycle
                .iter()
                .chain(std::iter::once(&start))
                .map(|&i| catalogue.indicators[i].code.as_str())
                .collect();
            let problem = CatalogueProblem::ReferenceCycle {
                cycle: names.join(" → "),
            };
            self.push(&problem, format!("/indicators/{start}/method/expression"));
        }
    }

    fn target(&mut self, target: &Target, value_type: ValueType, path: &str) {
        let comparator = json::word(&target.comparator);
        let (needs, unused): (&[&'static str], &[&'static str]) = match target.comparator {
            Comparator::Range => (&["min", "max"], &["value", "text"]),
            Comparator::Text => (&["text"], &["value", "min", "max"]),
            _ => (&["value"], &["min", "max", "text"]),
        };
        let present = |field: &str| match field {
            "value" => target.value.is_some(),
            "min" => target.min.is_some(),
            "max" => target.max.is_some(),
            _ => target.text.is_some(),
        };
        for &field in needs {
            if !present(field) {
                self.push(
                    &CatalogueProblem::TargetMissingField {
                        comparator: comparator.clone(),
                        field,
                    },
                    path.to_owned(),
                );
            }
        }
        for &field in unused {
            if present(field) {
                self.push(
                    &CatalogueProblem::TargetUnexpectedField {
                        comparator: comparator.clone(),
                        field,
                    },
                    format!("{path}/{field}"),
                );
            }
        }
        if let (Some(min), Some(max)) = (target.min, target.max)
            && min > max
        {
            let problem = CatalogueProblem::TargetRangeUnordered {
                min: min.to_string(),
                max: max.to_string(),
            };
            self.push(&problem, path.to_owned());
        }
        if !(2000..=2100).contains(&target.year) {
            self.push(
                &CatalogueProblem::TargetYearOutOfRange { year: target.year },
                format!("{path}/year"),
            );
        }
        if target.comparator != Comparator::Text && !value_type.is_numeric() {
            let problem = CatalogueProblem::TargetTypeMismatch {
                comparator,
                value_type: json::word(&value_type),
            };
            self.push(&problem, format!("{path}/comparator"));
        }
        for (field, value) in [
            ("value", target.value),
            ("min", target.min),
            ("max", target.max),
        ] {
            if let Some(value) = value
                && let Some(problem) = out_of_range(value, value_type)
            {
                self.push(&problem, format!("{path}/{field}"));
            }
        }
        if let Some(text) = &target.text {
            self.text(text, &format!("{path}/text"));
        }
        if let Some(note) = &target.note {
            self.text(note, &format!("{path}/note"));
        }
    }

    /// Two numeric targets for the same scope and year contradict each other; a qualitative
    /// target beside a numeric one ("≥ 3, and rising") does not.
    fn duplicate_targets(&mut self, targets: &[std::sync::Arc<Target>], path: &str) {
        let mut seen = HashSet::new();
        for (j, t) in targets.iter().enumerate() {
            if t.comparator != Comparator::Text && !seen.insert((t.scope, t.year)) {
                let scope = json::word(&t.scope);
                self.push(
                    &CatalogueProblem::TargetDuplicate {
                        scope,
                        year: t.year,
                    },
                    format!("{path}/targets/{j}"),
                );
            }
        }
    }
}

fn out_of_range(value: Decimal, value_type: ValueType) -> Option<CatalogueProblem> {
    let allowed = value_type.refuses(value)?;
    Some(CatalogueProblem::TargetValueOutOfRange {
        value: value.to_string(),
        value_type: json::word(&value_type),
        allowed_en: allowed.en,
        allowed_vi: allowed.vi,
    })
}

/// The catalogue's names and types, hashed: formulas are checked against this index so that
/// validation stays linear in the catalogue's size.
struct Names<'a> {
    types: HashMap<&'a str, Type>,
}

impl Context for Names<'_> {
    fn type_of(&self, code: &str) -> Option<Type> {
        self.types.get(code).copied()
    }
}
