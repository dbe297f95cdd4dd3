//! The test output read from its file but not yet passed on to a standard error that takes it
//! more slowly than the tests write it: bounded, so that such a reader costs at most the cap in
//! memory. Beyond it the oldest output is given up, counted, up to the end of the line it cuts
//! into, so that what is shown next starts a line.

use std::collections::VecDeque;

/// What is held, at most `cap` bytes, and how much was given up since the last take.
pub struct Backlog {
    held: VecDeque<u8>,
    cap: usize,
    skipped: u64,
}

impl Backlog {
    pub fn new(cap: usize) -> Self {
        Self {
            held: VecDeque::new(),
            cap,
            skipped: 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty() && self.skipped == 0
    }

    /// Adds output read; the oldest goes when more than the cap is held.
    pub fn push(&mut self, bytes: &[u8]) {
        self.held.extend(bytes);
        if self.held.len() <= self.cap {
            return;
        }
        let mut over = self.held.len() - self.cap;
        // A cut inside a line takes the rest of that line too, when its end is held.
        if self.held[over - 1] != b'\n' {
            if let Some(end) = self.held.range(over..).position(|&b| b == b'\n') {
                over += end + 1;
            }
        }
        self.held.drain(..over);
        self.skipped += over as u64;
    }

    /// Takes what is held, after how many bytes given up before it.
    pub fn take(&mut self) -> (u64, Vec<u8>) {
        let skipped = std::mem::take(&mut self.skipped);
        (skipped, self.held.drain(..).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_under_the_cap_is_all_kept() {
        let mut b = Backlog::new(10);
        b.push(b"one\n");
        b.push(b"two\n");
        assert_eq!(b.take(), (0, b"one\ntwo\n".to_vec()));
        assert!(b.is_empty());
    }

    #[test]
    fn the_oldest_lines_go_beyond_the_cap_and_are_counted() {
        let mut b = Backlog::new(8);
        b.push(b"aaa\nbbb\n");
        b.push(b"ccc\n");
        // A cut at a line's start takes no more.
        assert_eq!(b.take(), (4, b"bbb\nccc\n".to_vec()));
        b.push(b"dddd\neeee\nff");
        // A cut inside `dddd` takes that line's rest.
        assert_eq!(b.take(), (5, b"eeee\nff".to_vec()));
        assert!(b.is_empty());
    }

    #[test]
    fn a_line_longer_than_the_cap_is_cut_where_the_cap_says() {
        let mut b = Backlog::new(4);
        b.push(b"0123456789");
        assert_eq!(b.take(), (6, b"6789".to_vec()));
    }

    #[test]
    fn a_skip_alone_is_something_to_say() {
        let mut b = Backlog::new(2);
        b.push(b"abc\n");
        let _ = b.take();
        b.push(b"x\nyz\n");
        assert!(!b.is_empty());
    }
}
