//! A finding's place in the report, and the same order as a sort key.

use super::stable_order::Key;
use crate::catalogue::Stage;

/// Where a group stands in the report, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank {
    /// Harmless and look-alike findings come last.
    pub(super) late: bool,
    /// A tolerant ("likely") match never outranks an exact one.
    pub(super) likely: bool,
    /// A vague wording (a generic download failure, a bare status code, a code every AWS
    /// service uses) follows any precise finding that explains it, whatever the stages: a
    /// generic ValidationException before the message that explains it would be the wrong way
    /// round.
    pub(super) vague: bool,
    /// Then the cascade.
    pub(super) stage: Stage,
    pub(super) position: usize,
    /// Among findings placed at one position: the leader first, then its followers.
    pub(super) sub_order: usize,
}

impl Rank {
    /// The same order as a sort key: the flags and the stage packed into one number.
    pub(super) fn key(&self) -> Key {
        let flags = (self.late as usize) << 2 | (self.likely as usize) << 1 | self.vague as usize;
        [
            flags << 8 | self.stage as usize,
            self.position,
            self.sub_order,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_orders_as_rank_does() {
        let stages = [Stage::Network, Stage::Api, Stage::Benign, Stage::Lookalike];
        let mut ranks = Vec::new();
        for bits in 0..8u8 {
            for &stage in &stages {
                for (position, sub_order) in [(0, 0), (0, 3), (7, 0), (7, 1)] {
                    ranks.push(Rank {
                        late: bits & 4 != 0,
                        likely: bits & 2 != 0,
                        vague: bits & 1 != 0,
                        stage,
                        position,
                        sub_order,
                    });
                }
            }
        }
        for a in &ranks {
            for b in &ranks {
                assert_eq!(a.cmp(b), a.key().cmp(&b.key()), "{a:?} {b:?}");
            }
        }
    }
}
