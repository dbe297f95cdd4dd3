//! `[commit.rules]`: one optional level per rule, keyed by the rule's name. It derives from
//! [`Rule::ALL`] and [`Rule::NAMES`], so the rule list is written once (`commit::vocab`), and it
//! reads the table exactly as serde's derive reads a struct with one `Option<Level>` field per
//! rule (`deny_unknown_fields`, `default`): the same errors, at the same positions.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Levels;
use crate::commit::vocab::{Level, Rule};

/// The levels the file sets, indexed as [`Rule::ALL`]; `None` where it sets none.
pub(super) struct RawRules([Option<Level>; Rule::ALL.len()]);

impl Default for RawRules {
    fn default() -> Self {
        RawRules([None; Rule::ALL.len()])
    }
}

impl RawRules {
    /// Sets the levels the file names; the others keep theirs.
    pub(super) fn apply(&self, levels: &mut Levels) {
        for (rule, level) in Rule::ALL.into_iter().zip(self.0) {
            if let Some(level) = level {
                levels.set(rule, level);
            }
        }
    }
}

impl<'de> Deserialize<'de> for RawRules {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("RawRules", Rule::NAMES, RulesVisitor)
    }
}

struct RulesVisitor;

impl<'de> Visitor<'de> for RulesVisitor {
    type Value = RawRules;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct RawRules")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRules, A::Error> {
        let mut raw = RawRules::default();
        let mut seen = [false; Rule::ALL.len()];
        while let Some(RuleKey(i)) = map.next_key()? {
            if seen[i] {
                return Err(de::Error::duplicate_field(Rule::NAMES[i]));
            }
            seen[i] = true;
            raw.0[i] = map.next_value()?;
        }
        Ok(raw)
    }

    /// A struct may also be written as an array of its fields in order (as derive allows);
    /// missing ones keep their default.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawRules, A::Error> {
        let mut raw = RawRules::default();
        for slot in &mut raw.0 {
            match seq.next_element()? {
                Some(level) => *slot = level,
                None => break,
            }
        }
        Ok(raw)
    }
}

/// A key of `[commit.rules]`: the index of the rule it names.
struct RuleKey(usize);

impl<'de> Deserialize<'de> for RuleKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = RuleKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<RuleKey, E> {
        Rule::NAMES
            .iter()
            .position(|n| *n == name)
            .map(RuleKey)
            .ok_or_else(|| E::unknown_field(name, Rule::NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table's keys are the rules' names, one for one.
    #[test]
    fn every_rule_is_a_key_and_only_rules_are() {
        for rule in Rule::ALL {
            let text = format!("{} = \"off\"\n", rule.name());
            let raw: RawRules = toml::from_str(&text).unwrap();
            let mut levels = Levels::default();
            raw.apply(&mut levels);
            for other in Rule::ALL {
                let want = if other == rule {
                    Level::Off
                } else {
                    other.default_level()
                };
                assert_eq!(levels.of(other), want, "{text}");
            }
        }
        let err = toml::from_str::<RawRules>("no-such-rule = \"off\"\n")
            .err()
            .unwrap();
        assert!(err.to_string().contains("unknown field `no-such-rule`"));
    }
}
