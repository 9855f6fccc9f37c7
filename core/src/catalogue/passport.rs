//! An indicator's passport as labelled lines ("thẻ chỉ số"), the way the national statistics
//! standard lays it out: what a detail page, a CLI or a notebook shows.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Catalogue, Indicator};
use crate::{Lang, Text};

/// One line of a passport: a field's label and its value, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PassportLine {
    /// The field's label (`Khái niệm`, `Concept`).
    pub label: String,
    /// The value in words.
    pub value: String,
}

impl Catalogue {
    /// The passport of `indicator` in `lang`, with agency and group codes replaced by names.
    ///
    /// ```
    /// use chiso::{Catalogue, Lang};
    /// let nq57 = Catalogue::nq57();
    /// let lines = nq57.passport(nq57.indicator("A01").unwrap(), Lang::Vi);
    /// assert_eq!(lines[0].label, "Mã");
    /// assert_eq!(lines[0].value, "A01");
    /// ```
    #[allow(clippy::too_many_lines)] // one line per passport field reads best as one table
    pub fn passport(&self, indicator: &Indicator, lang: Lang) -> Vec<PassportLine> {
        let agency = |code: &str| {
            self.agency(code)
                .map_or_else(|| code.to_owned(), |a| a.name.get(lang).to_owned())
        };
        let t = |text: &Text| text.get(lang).to_owned();
        let r = &indicator.responsibility;
        let targets: Vec<String> = indicator
            .targets
            .iter()
            .map(|target| target.describe(lang))
            .collect();
        let evidence = match (&indicator.evidence.documents, indicator.evidence.required) {
            (Some(documents), true) => t(documents),
            (Some(documents), false) => format!(
                "{} ({})",
                t(documents),
                t(&Text::new("không bắt buộc", "optional"))
            ),
            (None, _) => t(&Text::new("không yêu cầu", "not required")),
        };
        let mut lines = vec![
            (Text::new("Mã", "Code"), indicator.code.clone()),
            (Text::new("Lớp", "Layer"), t(&indicator.layer.label())),
            (Text::new("Tên chỉ số", "Name"), t(&indicator.name)),
            (Text::new("Khái niệm", "Concept"), t(&indicator.concept)),
            (
                Text::new("Nhóm", "Group"),
                self.group(&indicator.group)
                    .map_or_else(|| indicator.group.clone(), |g| t(&g.name)),
            ),
            (
                Text::new("Phương pháp tính", "Calculation method"),
                t(indicator.method.description()),
            ),
        ];
        if let Some(expression) = indicator.formula() {
            lines.push((Text::new("Công thức", "Formula"), expression.to_owned()));
        }
        lines.extend([
            (Text::new("Đơn vị tính", "Unit"), t(&indicator.unit)),
            (
                Text::new("Kiểu giá trị", "Value type"),
                t(&indicator.value_type.label()),
            ),
            (
                Text::new("Số chữ số thập phân", "Decimal places"),
                indicator.precision.to_string(),
            ),
            (
                Text::new("Chiều tốt", "Direction"),
                t(&indicator.direction.label()),
            ),
            (
                Text::new("Chỉ tiêu", "Targets"),
                if targets.is_empty() {
                    "—".to_owned()
                } else {
                    targets.join("; ")
                },
            ),
            (
                Text::new("Chu kỳ báo cáo", "Reporting cycle"),
                t(&indicator.cycle.label()),
            ),
            (
                Text::new("Nguồn dữ liệu", "Data source"),
                format!(
                    "{} ({})",
                    t(&indicator.source.name),
                    t(&indicator.source.kind.label())
                ),
            ),
            (
                Text::new("Cơ quan chủ trì", "Lead agency"),
                agency(&r.lead_agency),
            ),
            (
                Text::new("Cơ quan thực hiện", "Implementing agencies"),
                r.implementing_agencies
                    .iter()
                    .map(|a| agency(a))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (
                Text::new("Trách nhiệm cập nhật", "Update responsibility"),
                t(&r.update),
            ),
            (
                Text::new("Đơn vị thẩm định", "Verified by"),
                agency(&r.verified_by),
            ),
            (Text::new("Minh chứng", "Evidence"), evidence),
            (
                Text::new("Giải trình", "Explanation"),
                t(&indicator.explanation.label()),
            ),
            (
                Text::new("Trọng số", "Weight"),
                indicator.weight.to_string(),
            ),
            (
                Text::new("Điểm tối đa", "Maximum points"),
                indicator.max_points.to_string(),
            ),
            (
                Text::new("Căn cứ", "Legal sources"),
                indicator.legal_sources.join("; "),
            ),
            (
                Text::new("Trạng thái", "Status"),
                t(&indicator.status.label()),
            ),
        ]);
        lines
            .into_iter()
            .map(|(label, value)| PassportLine {
                label: t(&label),
                value,
            })
            .collect()
    }
}
