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
///
/// On unix the C library answers, as it does for `date`: it reads `TZ` or the one file
/// `/etc/localtime` names. jiff's `TimeZone::system()` would index the whole zoneinfo tree
/// first (some 1,800 files opened or listed: 3M instructions, the largest cost of a hand tag).
pub fn today() -> String {
    #[cfg(unix)]
    if let Some(date) = libc_today() {
        return date;
    }
    date_in(Timestamp::now(), &TimeZone::system())
}

#[cfg(unix)]
unsafe extern "C" {
    /// POSIX: (re)reads `TZ`. The `libc` crate declares it for Windows only.
    fn tzset();
}

/// Today's local date from `localtime_r`, `None` when the C library cannot tell.
#[cfg(unix)]
fn libc_today() -> Option<String> {
    let now: libc::time_t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs()
        .try_into()
        .ok()?;
    // SAFETY: `tm` is plain data that localtime_r fills in; both pointers are valid for the
    // call. tzset only reads the environment, and relhook changes no variable while it runs.
    let tm = unsafe {
        tzset();
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return None;
        }
        tm
    };
    let (year, month, day) = (i64::from(tm.tm_year) + 1900, tm.tm_mon + 1, tm.tm_mday);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The calendar date of `at` in `zone`.
pub fn date_in(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .date()
        .strftime("%Y-%m-%d")
        .to_string()
}

/// `seconds` since the epoch, clamped to the range a calendar date can show.
/// The time at `seconds` since the epoch, in UTC (`2026-01-01 12:00:00 UTC`).
pub fn utc_time(seconds: i64) -> String {
    timestamp(seconds)
        .strftime("%Y-%m-%d %H:%M:%S UTC")
        .to_string()
}

fn timestamp(seconds: i64) -> Timestamp {
    let max = Timestamp::MAX.as_second();
    let min = Timestamp::MIN.as_second();
    Timestamp::from_second(seconds.clamp(min, max)).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The C library and jiff read the same zone: today's date is the same either way (the
    /// jiff date is taken before and after, in case midnight passes in between).
    #[cfg(unix)]
    #[test]
    fn libc_today_agrees_with_jiff() {
        let before = date_in(Timestamp::now(), &TimeZone::system());
        let got = libc_today().expect("localtime_r answers");
        let after = date_in(Timestamp::now(), &TimeZone::system());
        assert!(got == before || got == after, "{got} vs {before}/{after}");
        assert_eq!(today(), got);
    }

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
