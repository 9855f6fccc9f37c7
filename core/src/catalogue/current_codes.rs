//! The code each code an assignment may name stands for in this version, looked up by hash:
//! a national assignments file asks it for every one of its hundreds of thousands of rows,
//! and [`Catalogue::current_code`] scans the catalogue's lists.

use rustc_hash::FxHashMap;

use super::Catalogue;

/// [`Catalogue::current_code`] of every code, worked out once.
#[derive(Debug)]
pub(crate) struct CurrentCodes<'c> {
    codes: FxHashMap<&'c str, &'c str>,
}

impl<'c> CurrentCodes<'c> {
    /// Every code of `catalogue` and every code one of its indicators replaces.
    pub fn new(catalogue: &'c Catalogue) -> Self {
        let mut codes: FxHashMap<&str, &str> = catalogue.item_codes().map(|c| (c, c)).collect();
        // A code the catalogue holds stands for itself; a replaced one for the first
        // indicator replacing it, as `current_code` finds them.
        for indicator in &catalogue.indicators {
            if let Some(old) = indicator.replaces.as_deref() {
                codes.entry(old).or_insert(indicator.code.as_str());
            }
        }
        CurrentCodes { codes }
    }

    /// The code `code` stands for; `None` when it is gone.
    pub fn get(&self, code: &str) -> Option<&'c str> {
        self.codes.get(code).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_stands_for_what_the_catalogue_says() {
        let mut nq57 = Catalogue::nq57();
        // Two indicators replacing one old code (the first wins), one naming a code the
        // catalogue still holds (which stands for itself).
        let first = nq57.indicators[0].code.clone();
        nq57.indicators[1].replaces = Some("OLD1".to_owned());
        nq57.indicators[2].replaces = Some("OLD1".to_owned());
        nq57.indicators[3].replaces = Some(first.clone());
        let codes = CurrentCodes::new(&nq57);
        let replaced = nq57.indicators.iter().filter_map(|i| i.replaces.clone());
        let all = nq57
            .indicators
            .iter()
            .map(|i| i.code.clone())
            .chain(nq57.data_elements.iter().map(|d| d.code.clone()))
            .chain(replaced)
            .chain(["C99".to_owned(), String::new()]);
        for code in all {
            assert_eq!(codes.get(&code), nq57.current_code(&code), "{code}");
        }
        assert_eq!(codes.get("C99"), None);
        assert_eq!(codes.get("OLD1"), Some(nq57.indicators[1].code.as_str()));
        assert_eq!(codes.get(&first), Some(first.as_str()));
    }
}
