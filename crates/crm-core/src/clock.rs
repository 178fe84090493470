//! Hybrid logical clock: wall-clock milliseconds plus a counter.
//!
//! Stamps order every write across devices (device id breaks ties) and never go
//! backwards, even when the wall clock is set back: then the counter moves on.

use std::fmt;
use std::sync::Mutex;

/// One stamp. Its text form sorts in the same order as the stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}-{:06}", self.wall_ms, self.counter)
    }
}

impl std::str::FromStr for Hlc {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (wall, counter) = s.split_once('-').ok_or_else(|| format!("bad clock stamp {s:?}"))?;
        Ok(Hlc {
            wall_ms: wall.parse().map_err(|_| format!("bad clock stamp {s:?}"))?,
            counter: counter.parse().map_err(|_| format!("bad clock stamp {s:?}"))?,
        })
    }
}

impl Hlc {
    /// The instant the stamp was taken, as UTC RFC 3339.
    pub fn to_rfc3339(self) -> String {
        crate::time::rfc3339_from_ms(self.wall_ms)
    }
}

/// Milliseconds since the Unix epoch, from the system or a test's fixed time.
pub type WallClock = Box<dyn Fn() -> i64 + Send + Sync>;

pub struct Clock {
    last: Mutex<Hlc>,
    wall: WallClock,
}

impl Clock {
    /// A clock on the system time that continues after `last` (the newest stamp stored).
    pub fn new(last: Hlc) -> Self {
        Self::with_wall(last, Box::new(crate::time::now_ms))
    }

    /// A clock on any wall-time source (tests step it backwards).
    pub fn with_wall(last: Hlc, wall: WallClock) -> Self {
        Self { last: Mutex::new(last), wall }
    }

    /// The wall clock's time now: "now" and "today" for rules that depend on them (an invoice's
    /// issue date, an event held before it starts); tests fix it.
    pub fn wall_ms(&self) -> i64 {
        (self.wall)()
    }

    /// The next stamp for a local write: strictly after every stamp seen before.
    pub fn tick(&self) -> Hlc {
        let now = (self.wall)();
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        *last = if now > last.wall_ms {
            Hlc { wall_ms: now, counter: 0 }
        } else {
            Hlc { wall_ms: last.wall_ms, counter: last.counter + 1 }
        };
        *last
    }

    /// Takes in a stamp from another device so later local stamps sort after it.
    pub fn observe(&self, remote: Hlc) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if remote > *last {
            *last = remote;
        }
    }

    pub fn last(&self) -> Hlc {
        *self.last.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;

    fn stepped(start: i64) -> (Clock, Arc<AtomicI64>) {
        let wall = Arc::new(AtomicI64::new(start));
        let w = wall.clone();
        (Clock::with_wall(Hlc::default(), Box::new(move || w.load(Ordering::SeqCst))), wall)
    }

    #[test]
    fn stamps_increase_with_the_wall_clock() {
        let (clock, wall) = stepped(1_000);
        let a = clock.tick();
        wall.store(2_000, Ordering::SeqCst);
        let b = clock.tick();
        assert_eq!(a, Hlc { wall_ms: 1_000, counter: 0 });
        assert_eq!(b, Hlc { wall_ms: 2_000, counter: 0 });
    }

    #[test]
    fn never_goes_backwards_when_the_wall_clock_steps_back() {
        let (clock, wall) = stepped(5_000);
        let a = clock.tick();
        wall.store(1_000, Ordering::SeqCst); // the user set the clock back
        let b = clock.tick();
        let c = clock.tick();
        assert!(a < b && b < c, "{a} {b} {c}");
        assert_eq!(c, Hlc { wall_ms: 5_000, counter: 2 });
        wall.store(6_000, Ordering::SeqCst);
        assert_eq!(clock.tick(), Hlc { wall_ms: 6_000, counter: 0 });
    }

    #[test]
    fn same_millisecond_counts_up() {
        let (clock, _) = stepped(7);
        let stamps: Vec<Hlc> = (0..5).map(|_| clock.tick()).collect();
        assert!(stamps.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn observing_a_later_remote_stamp_moves_the_clock_past_it() {
        let (clock, _) = stepped(100);
        clock.observe(Hlc { wall_ms: 900, counter: 3 });
        assert_eq!(clock.tick(), Hlc { wall_ms: 900, counter: 4 });
    }

    #[test]
    fn text_form_sorts_like_the_stamps_and_parses_back() {
        let a = Hlc { wall_ms: 99, counter: 10 };
        let b = Hlc { wall_ms: 100, counter: 0 };
        assert!(a.to_string() < b.to_string());
        assert_eq!(a.to_string().parse::<Hlc>().unwrap(), a);
        assert!("nonsense".parse::<Hlc>().is_err());
    }
}
