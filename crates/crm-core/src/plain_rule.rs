//! The shapes most series have — daily (on some weekdays), weekly on some weekdays, monthly on
//! the first start's day or on one nth weekday, yearly on the first start's date — expanded by
//! date arithmetic. Building and walking an `rrule` iterator per series was most of the first
//! view of a month; these give the same starts (tested against it) for a fraction of the work.
//! Any other rule is left to `rrule`, and so is a window where a start falls in a daylight-saving
//! gap or overlap (the caller checks).

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// A rule of a plain shape (its COUNT and UNTIL are applied by the caller).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlainRule {
    freq: Freq,
    interval: u32,
    /// BYDAY without ordinals, as a set of `num_days_from_monday` bits (daily and weekly rules).
    weekdays: u8,
    /// BYDAY of a monthly rule: the nth (1 to 5, or -1 to -5 from the end) weekday of the month.
    nth: Option<(i8, Weekday)>,
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

impl PlainRule {
    /// The plain rule of a rule's parts (upper case, without UNTIL), if it is one.
    pub(crate) fn of(parts: &[String]) -> Option<PlainRule> {
        let (mut freq, mut interval, mut byday) = (None, 1, None);
        for part in parts {
            match part.split_once('=')? {
                ("FREQ", "DAILY") => freq = Some(Freq::Daily),
                ("FREQ", "WEEKLY") => freq = Some(Freq::Weekly),
                ("FREQ", "MONTHLY") => freq = Some(Freq::Monthly),
                ("FREQ", "YEARLY") => freq = Some(Freq::Yearly),
                ("INTERVAL", n) => interval = n.parse::<u32>().ok().filter(|n| (1..=1000).contains(n))?,
                ("WKST", "MO") | ("COUNT", _) => {}
                ("BYDAY", days) => byday = Some(days),
                _ => return None,
            }
        }
        let freq = freq?;
        let (mut weekdays, mut nth) = (0, None);
        match (freq, byday) {
            (_, None) => {}
            (Freq::Daily | Freq::Weekly, Some(days)) => {
                for code in days.split(',') {
                    weekdays |= bit(weekday(code)?);
                }
            }
            (Freq::Monthly, Some(day)) if !day.contains(',') && day.len() > 2 => {
                let (n, code) = day.split_at(day.len() - 2);
                let n: i8 = n.parse().ok().filter(|n: &i8| (1..=5).contains(&n.abs()))?;
                nth = Some((n, weekday(code)?));
            }
            _ => return None,
        }
        Some(PlainRule { freq, interval, weekdays, nth })
    }

    /// The rule's frequency as the `rrule` crate names it.
    pub(crate) fn frequency(&self) -> rrule::Frequency {
        match self.freq {
            Freq::Daily => rrule::Frequency::Daily,
            Freq::Weekly => rrule::Frequency::Weekly,
            Freq::Monthly => rrule::Frequency::Monthly,
            Freq::Yearly => rrule::Frequency::Yearly,
        }
    }

    pub(crate) fn interval(&self) -> u32 {
        self.interval
    }

    /// The local starts in `[from, to)` of a series first starting at `first` (none before it),
    /// at most `limit` of them.
    pub(crate) fn starts(
        &self,
        first: NaiveDateTime,
        (from, to): (NaiveDateTime, NaiveDateTime),
        limit: usize,
    ) -> Vec<NaiveDateTime> {
        let mut out = Vec::new();
        let (day0, time) = (first.date(), first.time());
        let from_day = from.date().max(day0);
        // Keeps a date's start if it is in the window; whether to go on.
        let mut push = |date: NaiveDate| {
            let start = date.and_time(time);
            if start >= first && start >= from && start < to {
                out.push(start);
            }
            start < to && out.len() < limit
        };
        let n = i64::from(self.interval);
        match self.freq {
            Freq::Daily => {
                let mut k = (from_day - day0).num_days() / n;
                while let Some(date) = day0.checked_add_signed(Duration::days(k * n)) {
                    let wanted = self.weekdays == 0 || self.weekdays & bit(date.weekday()) != 0;
                    if date.and_time(time) >= to || (wanted && !push(date)) {
                        break;
                    }
                    k += 1;
                }
            }
            Freq::Weekly => {
                let days = if self.weekdays == 0 { bit(day0.weekday()) } else { self.weekdays };
                let monday0 = day0.week(Weekday::Mon).first_day();
                let mut k = (from_day.week(Weekday::Mon).first_day() - monday0).num_days() / 7 / n;
                'weeks: while let Some(monday) = monday0.checked_add_signed(Duration::days(7 * k * n)) {
                    for offset in 0..7 {
                        if days & (1 << offset) != 0 && !push(monday + Duration::days(offset)) {
                            break 'weeks;
                        }
                    }
                    k += 1;
                }
            }
            Freq::Monthly | Freq::Yearly => {
                let step = if self.freq == Freq::Yearly { 12 * self.interval } else { self.interval };
                let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
                let mut k = ((months(from_day) - months(day0)).max(0) as u32 / step).saturating_sub(1);
                while let Some(month) = day0.with_day(1).and_then(|d| d.checked_add_months(Months::new(k * step))) {
                    let date = match self.nth {
                        Some((n, day)) => nth_weekday(month, n, day),
                        None => month.with_day(day0.day()),
                    };
                    if month.and_time(time) >= to || date.is_some_and(|date| !push(date)) {
                        break;
                    }
                    k += 1;
                }
            }
        }
        out
    }
}

/// The `n`th `day` of the month that begins on `first` (counted from its end when `n` < 0).
fn nth_weekday(first: NaiveDate, n: i8, day: Weekday) -> Option<NaiveDate> {
    if n > 0 {
        return NaiveDate::from_weekday_of_month_opt(first.year(), first.month(), day, n as u8);
    }
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    let date = last - Duration::days(i64::from(back) + 7 * i64::from(-n - 1));
    (date.month() == first.month()).then_some(date)
}
