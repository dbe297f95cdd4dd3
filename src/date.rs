//! Calendar dates for changelog headings (`YYYY-MM-DD`). A release is dated in the local time
//! zone, as `date +%Y-%m-%d` would date it (the system's zone; `TZ` honoured); a tag's date
//! in the offset git recorded with it. Only `relhook release` and the tag paths call this, so
//! nothing here runs when a hook only lints a message.

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};

/// The date at `seconds` since the epoch, in the time zone `offset_minutes` east of UTC.
pub fn ymd(seconds: i64, offset_minutes: i32) -> String {
    let offset = Offset::from_seconds(offset_minutes.saturating_mul(60)).unwrap_or(Offset::UTC);
    date_in(timestamp(seconds), &TimeZone::fixed(offset))
}

/// Today's date in the local time zone.
pub fn today() -> String {
    date_in(Timestamp::now(), &TimeZone::system())
}

/// The calendar date of `at` in `zone`.
pub fn date_in(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .date()
        .strftime("%Y-%m-%d")
        .to_string()
}

/// `seconds` since the epoch, clamped to the range a calendar date can show.
fn timestamp(seconds: i64) -> Timestamp {
    let max = Timestamp::MAX.as_second();
    let min = Timestamp::MIN.as_second();
    Timestamp::from_second(seconds.clamp(min, max)).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(ymd(0, 0), "1970-01-01");
        assert_eq!(ymd(1_767_268_800, 0), "2026-01-01");
        assert_eq!(ymd(951_782_400, 0), "2000-02-29");
        assert_eq!(ymd(1_767_225_600 - 1, 0), "2025-12-31");
        // 23:30 UTC on Dec 31 is already Jan 1 in UTC+1.
        assert_eq!(ymd(1_767_223_800, 60), "2026-01-01");
        assert_eq!(ymd(-1, 0), "1969-12-31");
        assert_eq!(ymd(1_767_223_800, -720), "2025-12-31");
    }

    #[test]
    fn absurd_times_and_offsets_still_give_a_date() {
        assert_eq!(ymd(i64::MAX, 0).len(), 10);
        assert!(!ymd(i64::MIN, 0).is_empty());
        assert_eq!(ymd(0, i32::MAX), "1970-01-01");
    }

    /// 2026-03-01 00:30 UTC: a morning release in Kiribati (UTC+14) is dated that morning,
    /// not the day before; in UTC−12 it is still the evening of Feb 28.
    #[test]
    fn release_date_is_the_local_date_not_utc() {
        let at = Timestamp::from_second(1_772_325_000).expect("valid");
        assert_eq!(date_in(at, &TimeZone::UTC), "2026-03-01");
        // POSIX TZ strings (as in `TZ=<+14>-14`) need no time zone database.
        let east = TimeZone::posix("<+14>-14").expect("posix tz");
        let west = TimeZone::posix("<-12>+12").expect("posix tz");
        assert_eq!(date_in(at, &east), "2026-03-01");
        assert_eq!(date_in(at, &west), "2026-02-28");
        // 22:30 UTC the day before: already Mar 1 at UTC+14.
        let evening = Timestamp::from_second(1_772_321_400 - 3_600).expect("valid");
        assert_eq!(date_in(evening, &TimeZone::UTC), "2026-02-28");
        assert_eq!(date_in(evening, &east), "2026-03-01");
        // The named zones give the same, where the system has a zone database.
        for (name, want) in [
            ("Pacific/Kiritimati", "2026-03-01"),
            ("Etc/GMT+12", "2026-02-28"),
        ] {
            if let Ok(zone) = jiff::tz::db().get(name) {
                assert_eq!(date_in(at, &zone), want, "{name}");
            }
        }
    }
}
