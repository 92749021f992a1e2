//! The generator's PRNG: `lumbar_core::rng::SplitMix64` under a short name.

pub(crate) use lumbar_core::rng::SplitMix64 as Rng;
