//! Calendar dates for changelog headings (`YYYY-MM-DD`), without a date crate: git gives
//! seconds and an offset, and that is all a heading needs.

/// The date at `seconds` since the epoch, in the time zone `offset_minutes` east of UTC.
pub fn ymd(seconds: i64, offset_minutes: i32) -> String {
    let days = (seconds + i64::from(offset_minutes) * 60).div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Today's date in UTC.
pub fn today() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    ymd(now, 0)
}

/// Howard Hinnant's days → (year, month, day) for the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
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
    }
}
