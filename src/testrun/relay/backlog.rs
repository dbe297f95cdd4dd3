//! The test output read from its file but not yet passed on to a standard error that takes it
//! more slowly than the tests write it: bounded, so that such a reader costs at most the cap in
//! memory. Beyond it the oldest output is given up, counted, up to the end of the line it cuts
//! into (when that ends soon), so that what is shown next starts a line.
//!
//! The cap bounds the memory itself, not only what is held: the buffer grows to the cap at
//! most (a doubling buffer grew to twice it), room is made before output is added, and what
//! is passed on leaves in pieces (a copy of all that was held was a third cap's worth).

use std::collections::VecDeque;

/// How far past a cut the end of its line is looked for: output with no line ends in it
/// would have the whole backlog searched on every read.
const LINE_END_WITHIN: usize = 64 * 1024;

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

    /// Adds output read; the oldest goes when more than the cap would be held.
    pub fn push(&mut self, mut bytes: &[u8]) {
        let total = self.held.len() + bytes.len();
        if total > self.cap {
            let over = self.cut(total - self.cap, bytes);
            let from_held = over.min(self.held.len());
            self.held.drain(..from_held);
            bytes = &bytes[over - from_held..];
            self.skipped += over as u64;
        }
        let wanted = self.held.len() + bytes.len();
        if wanted > self.held.capacity() {
            // Doubling, as the buffer would, but never past the cap.
            let room = wanted
                .max(self.held.capacity() * 2)
                .min(self.cap.max(wanted));
            self.held.reserve_exact(room - self.held.len());
        }
        self.held.extend(bytes);
    }

    /// How much of the held bytes then `bytes` to give up for `over` to go: a cut inside a
    /// line takes the rest of that line too, when it ends within [`LINE_END_WITHIN`].
    fn cut(&self, over: usize, bytes: &[u8]) -> usize {
        let (front, back) = self.held.as_slices();
        // From the last byte given up on: `seen` bytes of it looked at so far.
        let (mut skip, mut seen) = (over - 1, 0);
        for part in [front, back, bytes] {
            if skip >= part.len() {
                skip -= part.len();
                continue;
            }
            let look = &part[skip..part.len().min(skip + LINE_END_WITHIN + 1 - seen)];
            if let Some(at) = memchr::memchr(b'\n', look) {
                // The last byte given up ends a line, or its line ends this far on.
                return over + seen + at;
            }
            (skip, seen) = (0, seen + look.len());
            if seen > LINE_END_WITHIN {
                break;
            }
        }
        over
    }

    /// Takes the oldest held, at most `most` bytes, after how many bytes given up before it.
    pub fn take(&mut self, most: usize) -> (u64, Vec<u8>) {
        let skipped = std::mem::take(&mut self.skipped);
        let n = self.held.len().min(most);
        let (front, back) = self.held.as_slices();
        let from_front = n.min(front.len());
        let mut taken = Vec::with_capacity(n);
        taken.extend_from_slice(&front[..from_front]);
        taken.extend_from_slice(&back[..n - from_front]);
        self.held.drain(..n);
        (skipped, taken)
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
        assert_eq!(b.take(100), (0, b"one\ntwo\n".to_vec()));
        assert!(b.is_empty());
    }

    #[test]
    fn the_oldest_lines_go_beyond_the_cap_and_are_counted() {
        let mut b = Backlog::new(8);
        b.push(b"aaa\nbbb\n");
        b.push(b"ccc\n");
        // A cut at a line's start takes no more.
        assert_eq!(b.take(100), (4, b"bbb\nccc\n".to_vec()));
        b.push(b"dddd\neeee\nff");
        // A cut inside `dddd` takes that line's rest.
        assert_eq!(b.take(100), (5, b"eeee\nff".to_vec()));
        assert!(b.is_empty());
    }

    #[test]
    fn a_cut_takes_the_rest_of_a_line_that_ends_in_the_output_being_added() {
        let mut b = Backlog::new(6);
        b.push(b"aaaaa");
        b.push(b"a\nbb\n");
        assert_eq!(b.take(100), (7, b"bb\n".to_vec()));
    }

    #[test]
    fn a_line_longer_than_the_cap_is_cut_where_the_cap_says() {
        let mut b = Backlog::new(4);
        b.push(b"0123456789");
        assert_eq!(b.take(100), (6, b"6789".to_vec()));
    }

    #[test]
    fn a_line_end_far_past_the_cut_is_not_looked_for() {
        let cap = LINE_END_WITHIN + 100;
        let mut b = Backlog::new(cap);
        let mut long = vec![b'x'; cap + 1];
        long[cap - 10] = b'\n';
        b.push(&long);
        let (skipped, kept) = b.take(usize::MAX);
        assert_eq!((skipped, kept.len()), (1, cap));
    }

    #[test]
    fn the_buffer_never_grows_past_the_cap() {
        let mut b = Backlog::new(1000);
        for _ in 0..100 {
            b.push(&[b'x'; 300]);
        }
        assert!(b.held.capacity() <= 1000, "{}", b.held.capacity());
        assert_eq!(b.held.len(), 1000);
    }

    #[test]
    fn what_is_held_leaves_in_pieces_of_at_most_what_is_asked() {
        let mut b = Backlog::new(100);
        b.push(b"0123456789");
        // Wrapped around the buffer's end: the piece is still in order.
        let _ = b.take(6);
        b.push(b"abcdef");
        assert_eq!(b.take(3), (0, b"678".to_vec()));
        assert_eq!(b.take(100), (0, b"9abcdef".to_vec()));
        assert!(b.is_empty());
    }

    #[test]
    fn a_skip_alone_is_something_to_say() {
        let mut b = Backlog::new(2);
        b.push(b"abc\n");
        let _ = b.take(100);
        b.push(b"x\nyz\n");
        assert!(!b.is_empty());
    }
}
