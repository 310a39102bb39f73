//! The game's random numbers: one `ChaCha8` stream per game, and the game's own functions that turn
//! its raw 32-bit words into rolls and coin tosses.
//!
//! Why our own functions: `rand`'s conversions (`random::<f32>()`, `random::<bool>()`,
//! `seed_from_u64`) are free to change between its versions, and a change would silently give
//! every seed another game and make every save replay differently. `ChaCha8`'s stream itself is
//! fixed by its algorithm. So a seed's meaning is defined here, once, and tested against values
//! written down from the generator:
//!
//! - [`Dice::seeded`]: the 32-byte key is eight words of the PCG32 generator started at the seed
//!   (multiplier 6364136223846793005, increment 11634580027462260723, output `xorshift >> 27`
//!   rotated by the top five bits, each word little-endian) — the expansion `rand_core` 0.9 used,
//!   so games seeded before this module existed are the same games;
//! - [`Dice::roll`]: a number in `0..1` from the top 24 bits of the next word, divided by 2^24;
//! - [`Dice::coin`]: the top bit of the next word.
//!
//! A [`Dice`] saves as its key, stream and word position ([`DiceState`]), which is exactly where
//! the stream stands, independent of any library's serialisation.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The game's one source of randomness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dice(ChaCha8Rng);

/// Where a [`Dice`] stands: what a save records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiceState {
    /// The `ChaCha` key.
    pub seed: [u8; 32],
    /// The stream number (always 0 in this game).
    pub stream: u64,
    /// How many 32-bit words have been drawn.
    pub word_pos: u128,
}

/// One step of PCG32 (XSH RR): the word it gives, as little-endian bytes.
fn pcg32(state: &mut u64) -> [u8; 4] {
    const MUL: u64 = 6_364_136_223_846_793_005;
    const INC: u64 = 11_634_580_027_462_260_723;
    *state = state.wrapping_mul(MUL).wrapping_add(INC);
    let s = *state;
    let xorshifted = (((s >> 18) ^ s) >> 27) as u32;
    let rot = (s >> 59) as u32;
    xorshifted.rotate_right(rot).to_le_bytes()
}

impl Dice {
    /// The dice of a game started with this seed.
    pub fn seeded(seed: u64) -> Self {
        let mut state = seed;
        let mut key = [0u8; 32];
        for chunk in key.chunks_exact_mut(4) {
            chunk.copy_from_slice(&pcg32(&mut state));
        }
        Dice(ChaCha8Rng::from_seed(key))
    }

    /// Dice standing where a save recorded them.
    pub fn restore(state: DiceState) -> Self {
        let mut rng = ChaCha8Rng::from_seed(state.seed);
        rng.set_stream(state.stream);
        rng.set_word_pos(state.word_pos);
        Dice(rng)
    }

    /// Where the dice stand.
    pub fn state(&self) -> DiceState {
        DiceState {
            seed: self.0.get_seed(),
            stream: self.0.get_stream(),
            word_pos: self.0.get_word_pos(),
        }
    }

    /// How many words have been drawn: tells whether the dice were used.
    pub fn position(&self) -> u128 {
        self.0.get_word_pos()
    }

    /// A number in `0..1`: the top 24 bits of the next word, over 2^24.
    pub fn roll(&mut self) -> f32 {
        (self.0.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
    }

    /// A coin toss: the top bit of the next word.
    pub fn coin(&mut self) -> bool {
        self.0.next_u32() >> 31 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of seed 8, as a format-1 save of `classic-dilemma --seed 8` recorded it (written
    /// by the program before this module, through `rand_core` 0.9's `seed_from_u64`).
    const SEED_8_KEY: [u8; 32] = [
        222, 11, 88, 159, 202, 89, 63, 215, 36, 57, 0, 156, 63, 131, 114, 90, 108, 142, 102, 251,
        53, 151, 164, 102, 173, 195, 58, 23, 111, 7, 120, 232,
    ];

    #[test]
    fn a_seed_gives_the_key_older_versions_gave() {
        assert_eq!(Dice::seeded(8).state().seed, SEED_8_KEY);
        assert_ne!(Dice::seeded(9).state().seed, SEED_8_KEY);
    }

    #[test]
    fn rolls_lie_in_the_unit_interval_and_follow_the_stream() {
        let mut a = Dice::seeded(5);
        let mut b = Dice::seeded(5);
        for _ in 0..1000 {
            let x = a.roll();
            assert!((0.0..1.0).contains(&x));
            assert_eq!(x.to_bits(), b.roll().to_bits());
        }
        assert_eq!(a.position(), 1000);
    }

    #[test]
    fn a_restored_state_goes_on_with_the_same_numbers() {
        let mut a = Dice::seeded(11);
        for _ in 0..37 {
            a.roll();
        }
        let mut b = Dice::restore(a.state());
        for _ in 0..50 {
            assert_eq!(a.roll().to_bits(), b.roll().to_bits());
            assert_eq!(a.coin(), b.coin());
        }
    }

    #[test]
    fn coins_fall_both_ways() {
        let mut d = Dice::seeded(1);
        let heads = (0..1000).filter(|_| d.coin()).count();
        assert!((400..600).contains(&heads), "{heads} heads in 1000");
    }
}
