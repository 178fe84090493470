//! Which IANA zone a TZID names: an IANA name (also behind a prefix such as
//! Thunderbird's `/mozilla.org/20070129_1/Europe/Berlin`), a Windows zone name as
//! Outlook writes it (`W. Europe Standard Time`, mapped as CLDR's windowsZones
//! does), or else the zone whose offsets match the file's VTIMEZONE.

use super::lines::{at, Component};
use crate::error::Result;
use chrono::{NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

/// Windows zone → IANA zone (CLDR windowsZones, territory 001).
const WINDOWS: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("UTC-11", "Etc/GMT+11"),
    ("Aleutian Standard Time", "America/Adak"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time (Mexico)", "America/Mazatlan"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time (Mexico)", "America/Cancun"),
    ("Eastern Standard Time", "America/New_York"),
    ("US Eastern Standard Time", "America/Indianapolis"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Paraguay Standard Time", "America/Asuncion"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Central Brazilian Standard Time", "America/Cuiaba"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("SA Eastern Standard Time", "America/Cayenne"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Greenland Standard Time", "America/Godthab"),
    ("Montevideo Standard Time", "America/Montevideo"),
    ("UTC-02", "Etc/GMT+2"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("Jordan Standard Time", "Asia/Amman"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Middle East Standard Time", "Asia/Beirut"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Syria Standard Time", "Asia/Damascus"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Kaliningrad Standard Time", "Europe/Kaliningrad"),
    ("Namibia Standard Time", "Africa/Windhoek"),
    ("Arabic Standard Time", "Asia/Baghdad"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Belarus Standard Time", "Europe/Minsk"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Azerbaijan Standard Time", "Asia/Baku"),
    ("Russia Time Zone 3", "Europe/Samara"),
    ("Mauritius Standard Time", "Indian/Mauritius"),
    ("Georgian Standard Time", "Asia/Tbilisi"),
    ("Caucasus Standard Time", "Asia/Yerevan"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("West Asia Standard Time", "Asia/Tashkent"),
    ("Ekaterinburg Standard Time", "Asia/Yekaterinburg"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Sri Lanka Standard Time", "Asia/Colombo"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Central Asia Standard Time", "Asia/Almaty"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Omsk Standard Time", "Asia/Omsk"),
    ("Myanmar Standard Time", "Asia/Rangoon"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("North Asia Standard Time", "Asia/Krasnoyarsk"),
    ("China Standard Time", "Asia/Shanghai"),
    ("North Asia East Standard Time", "Asia/Irkutsk"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Yakutsk Standard Time", "Asia/Yakutsk"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("West Pacific Standard Time", "Pacific/Port_Moresby"),
    ("Tasmania Standard Time", "Australia/Hobart"),
    ("Vladivostok Standard Time", "Asia/Vladivostok"),
    ("Magadan Standard Time", "Asia/Magadan"),
    ("Central Pacific Standard Time", "Pacific/Guadalcanal"),
    ("Russia Time Zone 11", "Asia/Kamchatka"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("UTC+12", "Etc/GMT-12"),
    ("Fiji Standard Time", "Pacific/Fiji"),
    ("Tonga Standard Time", "Pacific/Tongatapu"),
    ("Samoa Standard Time", "Pacific/Apia"),
    ("Line Islands Standard Time", "Pacific/Kiritimati"),
];

/// The zone of a TZID known by name: IANA (possibly after a prefix) or Windows.
pub fn by_name(tzid: &str) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    if let Some((_, iana)) = WINDOWS.iter().find(|(w, _)| w.eq_ignore_ascii_case(name)) {
        return iana.parse().ok();
    }
    // `/mozilla.org/20070129_1/Europe/Berlin`, `/softwarestudio.org/Olson_20011030_5/America/New_York`.
    let parts: Vec<&str> = name.split('/').collect();
    (1..parts.len()).find_map(|i| parts[i..].join("/").parse().ok())
}

/// The offsets a VTIMEZONE declares: standard and (if any) daylight, in seconds, and
/// whether daylight time is in the middle of the year (northern hemisphere).
struct Declared {
    standard: i32,
    daylight: Option<i32>,
    summer_is_daylight: bool,
}

fn offset_seconds(text: &str) -> Option<i32> {
    let t = text.trim();
    let (sign, digits) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => (1, t),
    };
    if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok()).unwrap_or(0);
    Some(sign * (n(0..2) * 3600 + n(2..4) * 60 + n(4..6)))
}

/// The month an observance starts in: its RRULE's BYMONTH, else its DTSTART's month.
fn start_month(c: &Component) -> Option<u32> {
    let from_rule = c.prop("RRULE").and_then(|r| {
        r.value.split(';').find_map(|p| p.strip_prefix("BYMONTH=")).and_then(|m| m.split(',').next()?.parse().ok())
    });
    from_rule.or_else(|| c.prop("DTSTART").and_then(|d| d.value.get(4..6)?.parse().ok()))
}

fn declared(vtz: &Component) -> Option<Declared> {
    // The last observance of each kind is the one in force now.
    let last = |kind: &str| vtz.children.iter().rev().find(|c| c.name == kind);
    let offset = |c: &Component| c.prop("TZOFFSETTO").and_then(|o| offset_seconds(&o.value));
    let standard_c = last("STANDARD").or_else(|| last("DAYLIGHT"))?;
    let standard = offset(standard_c)?;
    let daylight_c = last("DAYLIGHT").filter(|_| last("STANDARD").is_some());
    let daylight = daylight_c.and_then(offset).filter(|d| *d != standard);
    let summer_is_daylight = match (daylight_c.and_then(start_month), start_month(standard_c)) {
        (Some(d), Some(s)) => d < s,
        _ => true,
    };
    Some(Declared { standard, daylight, summer_is_daylight })
}

fn offset_on(tz: Tz, date: NaiveDate) -> i32 {
    let t = date.and_hms_opt(12, 0, 0).unwrap_or_default();
    tz.offset_from_utc_datetime(&t).fix().local_minus_utc()
}

/// The zone whose offsets in `year` (January and July) are the VTIMEZONE's; the zones
/// Windows names come first, so a common zone is picked over an obscure twin.
pub fn by_offsets(vtz: &Component, year: i32) -> Option<Tz> {
    let d = declared(vtz)?;
    let (winter, summer) = match d.daylight {
        None => (d.standard, d.standard),
        Some(dl) if d.summer_is_daylight => (d.standard, dl),
        Some(dl) => (dl, d.standard),
    };
    let jan = NaiveDate::from_ymd_opt(year, 1, 15)?;
    let jul = NaiveDate::from_ymd_opt(year, 7, 15)?;
    let fits = |tz: &Tz| offset_on(*tz, jan) == winter && offset_on(*tz, jul) == summer;
    let preferred = WINDOWS.iter().filter_map(|(_, iana)| iana.parse::<Tz>().ok());
    preferred.chain(chrono_tz::TZ_VARIANTS.iter().copied()).find(fits)
}

/// Resolves every TZID the file uses to a zone: by name, else by its VTIMEZONE's offsets.
pub struct Zones {
    known: Vec<(String, Tz)>,
}

impl Zones {
    pub fn new(calendar: &Component, year: i32) -> Zones {
        let mut known = Vec::new();
        for vtz in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(id) = vtz.prop("TZID").map(|t| t.value.trim().to_owned()) else { continue };
            let location = vtz.prop("X-LIC-LOCATION").and_then(|l| by_name(&l.value));
            if let Some(tz) = by_name(&id).or(location).or_else(|| by_offsets(vtz, year)) {
                known.push((id, tz));
            }
        }
        Zones { known }
    }

    /// The zone of a TZID parameter on `line`; an unknown one is an error naming it.
    pub fn get(&self, tzid: &str, line: u64) -> Result<Tz> {
        let id = tzid.trim().trim_matches('"');
        self.known
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, tz)| *tz)
            .or_else(|| by_name(id))
            .ok_or_else(|| at(line, format!("The time zone {id:?} is neither an IANA nor a Windows zone, and the file defines no VTIMEZONE that matches a known zone")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_iana_windows_and_prefixed() {
        assert_eq!(by_name("Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(by_name("W. Europe Standard Time"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(by_name("Eastern Standard Time"), Some(chrono_tz::America::New_York));
        assert_eq!(by_name("/mozilla.org/20070129_1/America/New_York"), Some(chrono_tz::America::New_York));
        assert_eq!(by_name("Mars/Olympus"), None);
    }

    #[test]
    fn an_unknown_tzid_is_matched_by_its_offsets() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:(UTC+01:00) Amsterdam, Berlin\nBEGIN:STANDARD\n\
            DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\n\
            END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\nEND:VCALENDAR\n";
        let cal = &super::super::lines::parse(text).unwrap()[0];
        let zones = Zones::new(cal, 2026);
        let tz = zones.get("(UTC+01:00) Amsterdam, Berlin", 9).unwrap();
        assert_eq!(offset_on(tz, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()), 7200);
        assert_eq!(offset_on(tz, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()), 3600);
        let e = zones.get("Nowhere Standard Time", 9).unwrap_err();
        assert_eq!(e.row, Some(9));
    }
}
