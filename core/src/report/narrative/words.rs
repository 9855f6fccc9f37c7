//! The phrases every sentence is built from, in both languages: numbers, names and lists of
//! names, who answers, movement, plurals.

use super::Sentence;
use crate::Lang;
use crate::Text;
use crate::Value;
use crate::evaluation::RankingRow;
use crate::org::Head;
use crate::report::export::fixed;
use crate::report::summary::OffTrack;
use rust_decimal::Decimal;

/// A decimal as each language writes it: `0,7125` and `0.7125`.
pub(super) fn num(d: Decimal) -> Text {
    Text::new(
        crate::Style::of(crate::Lang::Vi).number(d),
        crate::Style::of(crate::Lang::En).number(d),
    )
}

pub(super) fn value_text(v: &Value) -> Text {
    match v {
        Value::Number(d) => num(*d),
        Value::Bool(true) => Text::new("có", "yes"),
        Value::Bool(false) => Text::new("không", "no"),
        Value::Text(t) => Text::new(t, t),
        _ => Text::new("không có số liệu", "no data"),
    }
}

/// Units named with their scores at the published precision, the word "score" before each so
/// that it never reads as a rank: "Bộ Công an (điểm 1,0000)".
pub(super) fn names(
    rows: &[RankingRow],
    group: &str,
    places: u32,
) -> (String, String, Vec<String>) {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    let mut lineage = Vec::new();
    for r in rows {
        if let Some(score) = r.score {
            vi.push(format!(
                "{} (điểm {})",
                r.name.vi,
                fixed(score, places, Lang::Vi)
            ));
            en.push(format!(
                "{} (score {})",
                r.name.en,
                fixed(score, places, Lang::En)
            ));
        } else {
            vi.push(r.name.vi.clone());
            en.push(r.name.en.clone());
        }
        lineage.push(format!("unit/{}/score", r.unit));
        lineage.push(format!("rank/{group}/{}", r.unit));
    }
    (vi.join(", "), en.join(", "), lineage)
}

pub(super) fn off_track_sentence(o: &OffTrack, with_unit: bool) -> Sentence {
    let v = value_text(&o.value);
    let (who_vi, who_en) = if with_unit {
        (format!("{} – ", o.name.vi), format!("{} – ", o.name.en))
    } else {
        (String::new(), String::new())
    };
    let mut lineage = vec![format!("unit/{}/indicator/{}", o.unit, o.indicator)];
    let (vi_tail, en_tail) = match &o.explanation {
        Some(e) => {
            lineage.push(format!("ledger/{}", e.sequence));
            let vi_b: Vec<String> = e
                .bottlenecks
                .iter()
                .map(|b| b.label().vi.to_lowercase())
                .collect();
            let en_b: Vec<String> = e
                .bottlenecks
                .iter()
                .map(|b| b.label().en.to_lowercase())
                .collect();
            let (vi_ask, en_ask) = e.support_requested.as_deref().map_or_else(
                || (String::new(), String::new()),
                |ask| {
                    (
                        format!(". Kiến nghị: {}", trim_stop(ask)),
                        format!(". Proposals: {}", trim_stop(ask)),
                    )
                },
            );
            (
                format!(
                    " Đã giải trình: {}. Điểm nghẽn: {}. Giải pháp: {}{vi_ask}",
                    trim_stop(&e.causes),
                    vi_b.join(", "),
                    trim_stop(&e.solutions)
                ),
                format!(
                    " Explained (in Vietnamese): {}. Bottlenecks: {}. Solutions: {}{en_ask}",
                    trim_stop(&e.causes),
                    en_b.join(", "),
                    trim_stop(&e.solutions)
                ),
            )
        }
        None => (
            " Chưa giải trình".to_owned(),
            " Not yet explained".to_owned(),
        ),
    };
    let answers = answerable(o.head.as_ref(), o.focal_officer.as_ref());
    let (vi_answers, en_answers) = if answers.vi.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" Trách nhiệm: {}.", answers.vi),
            format!(" Answerable: {}.", answers.en),
        )
    };
    Sentence::new(
        format!(
            "{who_vi}{} {} = {}{} ({}): {}.{vi_tail}.{vi_answers}",
            o.indicator,
            o.indicator_name.vi,
            v.vi,
            measure(&o.measure.vi),
            o.period,
            o.why.vi
        ),
        format!(
            "{who_en}{} {} = {}{} ({}): {}.{en_tail}.{en_answers}",
            o.indicator,
            o.indicator_name.en,
            v.en,
            measure(&o.measure.en),
            o.period,
            o.why.en
        ),
        lineage,
    )
}

/// A unit of measure after a value: " %" as "%", others after a space; nothing for none.
pub(super) fn measure(unit: &str) -> String {
    match unit.trim() {
        "" => String::new(),
        "%" => "%".to_owned(),
        other => format!(" {other}"),
    }
}

/// Who answers for an item: "người đứng đầu: X; đầu mối: Y" (each where known).
pub(super) fn answerable(head: Option<&Head>, officer: Option<&Head>) -> Text {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    if let Some(h) = head {
        vi.push(format!("người đứng đầu {}", h.name));
        en.push(format!("head {}", h.name));
    }
    if let Some(f) = officer {
        vi.push(format!("đầu mối {}", f.name));
        en.push(format!("focal officer {}", f.name));
    }
    Text::new(vi.join(", "), en.join(", "))
}

/// `what`, followed by who answers for it in brackets when anyone is known.
pub(super) fn with_who(what: &str, who: &Text, lang: Lang) -> String {
    let who = who.get(lang);
    if who.is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({who})")
    }
}

pub(super) fn trim_stop(s: &str) -> &str {
    s.trim().trim_end_matches('.')
}

pub(super) fn move_text(r: &RankingRow, lang: Lang) -> String {
    let (Some(m), Some(now), Some(then)) = (r.movement, r.rank, r.previous_rank) else {
        return String::new();
    };
    let name = r.name.get(lang);
    let (now, then) = (num(now), num(then));
    match lang {
        Lang::Vi if m > Decimal::ZERO => format!(
            "{name} tăng {} bậc (từ {} lên {})",
            num(m).vi,
            then.vi,
            now.vi
        ),
        Lang::Vi if m < Decimal::ZERO => format!(
            "{name} giảm {} bậc (từ {} xuống {})",
            num(-m).vi,
            then.vi,
            now.vi
        ),
        Lang::Vi => format!("{name} giữ hạng {}", now.vi),
        Lang::En if m > Decimal::ZERO => {
            format!("{name} up {} (from {} to {})", num(m).en, then.en, now.en)
        }
        Lang::En if m < Decimal::ZERO => format!(
            "{name} down {} (from {} to {})",
            num(-m).en,
            then.en,
            now.en
        ),
        Lang::En => format!("{name} unchanged at {}", now.en),
    }
}

pub(super) fn short(head: &str) -> &str {
    head.get(..12).unwrap_or(head)
}

/// `n` and the English noun, singular for one: "1 unit", "3 units".
pub(super) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The end of a list cut after its last row where `tied` more share that row's place: "và 3
/// đơn vị khác cùng hạng 3" / "and 3 others also ranked 3"; empty when none do.
pub(super) fn also(
    rows: &[RankingRow],
    tied: usize,
    place: impl Fn(&RankingRow) -> Option<(String, String)>,
) -> Text {
    match rows.last().and_then(place) {
        Some((vi, en)) if tied > 0 => {
            let others = if tied == 1 {
                "1 other".to_owned()
            } else {
                format!("{tied} others")
            };
            Text::new(
                format!(", và {tied} đơn vị khác {vi}"),
                format!(", and {others} {en}"),
            )
        }
        _ => Text::new("", ""),
    }
}
