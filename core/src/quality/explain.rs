//! Explanations ("giải trình"): an indicator the unit answers for that is off track (by the
//! one definition, [`crate::progress::standing`]), or that must be explained every period,
//! needs an explanation with its causes, bottlenecks and solutions filled in.

use super::flaw::FlawKind;
use super::{Flaw, Inputs, found::Found};
use crate::Text;
use crate::catalogue::ExplanationRequirement;
use crate::progress::{self, progress_target};

pub(super) fn check<'q>(cx: &Inputs<'q, '_>, out: &mut Vec<Found<'q>>) {
    let values = cx.values();
    // Each item once, in any order: the findings are put in order after every check.
    let answered = cx
        .by_item
        .iter()
        .filter(|(_, assigned)| assigned.iter().any(|a| a.covers(cx.period)))
        .map(|(&item, _)| item);
    for code in answered {
        let Some(facts) = cx.facts.get(code) else {
            continue;
        };
        let Some(indicator) = facts.indicator.and_then(|i| cx.catalogue.indicators.get(i)) else {
            continue;
        };
        if indicator.explanation == ExplanationRequirement::None
            || indicator.cycle != cx.period.cycle()
        {
            continue;
        }
        let Some(value) = values.value(cx.unit, code, cx.period).value.as_number() else {
            continue; // nothing to explain yet; completeness reports the gap
        };
        let why = if indicator.explanation == ExplanationRequirement::Always {
            Some(None)
        } else {
            let baseline = progress::baseline(cx.period, |p| {
                if values.none_up_to(p) {
                    return None; // before anything was received: nothing to compute
                }
                values.value(cx.unit, code, p).value.as_number()
            });
            let target = progress_target(indicator, cx.period, None);
            let pace = progress::pace(facts.flow, cx.period);
            let (_, behind) =
                progress::judged(indicator, target, baseline, (cx.period, value), pace);
            behind.map(Some)
        };
        // Worded only for a report (`None`: explained every period).
        let Some(behind) = why else { continue };
        let why = || {
            behind.map_or_else(
                || {
                    Text::new(
                        "chỉ số phải giải trình mọi kỳ",
                        "the indicator is explained every period",
                    )
                },
                |b| b.worded(),
            )
        };
        match cx.index.explanation(cx.unit, code, cx.period) {
            None => {
                let flaw = || Flaw::ExplanationMissing { why: why() };
                cx.push(out, FlawKind::ExplanationMissing, code, None, flaw);
            }
            Some(explanation) => {
                let parts = explanation.blank_parts();
                if !parts.is_empty() {
                    let flaw = || Flaw::ExplanationEmpty { parts };
                    cx.push(out, FlawKind::ExplanationEmpty, code, None, flaw);
                }
            }
        }
    }
}
