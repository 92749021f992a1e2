//! The ranking: a fit score out of 100 from distance, style fit, back-pain experience,
//! recommendations, clinician endorsements and profile completeness, placed inside a safety
//! group (verified first; deep-tissue-only after gentler options under a precaution).
//!
//! Every weight is a named constant with the reason for its size. The query-independent
//! part (experience, recommendations, endorsements, completeness) is computed once when the
//! index is built.

/// Points for distance: `W_DISTANCE × (1 − distance / radius)`. The largest single weight
/// because a therapist people can reach is one they keep seeing, and sessions repeat; it is
/// relative to the radius the person chose, so "near" means near for them.
pub const W_DISTANCE: f64 = 30.0;

/// Points for style fit: offering the first recommended style earns all of them, a later
/// recommended style [`STYLE_LATER_FIT`] of them, none of the recommended styles nothing.
/// Second because the screening's style advice follows the person's precautions and goals.
pub const W_STYLE: f64 = 25.0;

/// Share of [`W_STYLE`] for offering a recommended style other than the first. Half: the
/// screening lists the later styles as acceptable, not as the best start (and CHERKIN-2011
/// found styles differ little for chronic back pain).
pub const STYLE_LATER_FIT: f64 = 0.5;

/// Points for stated back-pain experience (years and share of clients). Relevant but
/// self-reported and unverified, so it weighs less than distance or style.
pub const W_EXPERIENCE: f64 = 15.0;

/// Years of back-pain work at which the years part of experience is about 63 % of its
/// maximum (`1 − e^(−years / EXPERIENCE_YEARS_SCALE)`): the first years teach the most.
pub const EXPERIENCE_YEARS_SCALE: f64 = 8.0;

/// Share of [`W_EXPERIENCE`] that comes from years (the rest from the share of back-pain
/// clients). Years weigh more: a high share over a few months says little.
pub const EXPERIENCE_YEARS_PART: f64 = 0.6;

/// Points for client recommendations: the Bayesian average of the stars, from 1★ (0) to
/// 5★ (all). Reviews come from clients who logged sessions, so they count, but they are
/// opinions about comfort as much as about back pain.
pub const W_RECOMMENDATION: f64 = 18.0;

/// Prior mean of the Bayesian average: an unreviewed therapist is taken as a middling 3.5★.
pub const RATING_PRIOR_MEAN: f64 = 3.5;

/// Prior weight, in reviews: a therapist needs about ten reviews before their own average
/// counts as much as the prior, so two glowing reviews (3.75) cannot beat two hundred
/// averaging 4.6 (4.55).
pub const RATING_PRIOR_WEIGHT: f64 = 10.0;

/// Points for clinician endorsements, `endorsements / (endorsements + ENDORSEMENT_HALF)` of
/// them: each adds, with diminishing returns. Few clinicians endorse, so the first ones
/// are strong evidence; a long list adds little more.
pub const W_ENDORSEMENT: f64 = 7.0;

/// Endorsements at which half of [`W_ENDORSEMENT`] is earned.
pub const ENDORSEMENT_HALF: f64 = 3.0;

/// Points for profile completeness (0–1). Small: a full profile helps the person decide
/// and signals an active practice, but says nothing about skill.
pub const W_COMPLETENESS: f64 = 5.0;

/// The distance between safety groups in the score. Fit never reaches it, so a group is
/// always ranked wholly above the next.
pub const GROUP_STEP: f64 = 100.0;

/// The largest fit, kept strictly below [`GROUP_STEP`].
pub(crate) const FIT_MAX: f64 = 99.99;

/// The Bayesian average of the stars (`RATING_PRIOR_MEAN` with `RATING_PRIOR_WEIGHT`
/// pseudo-reviews). The star sum is clamped to what `reviews` 1–5 star ratings can add up to.
pub fn bayesian_rating(reviews: u32, rating_sum: u32) -> f64 {
    let n = f64::from(reviews);
    let sum = f64::from(rating_sum).clamp(n, 5.0 * n);
    (RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + sum) / (RATING_PRIOR_WEIGHT + n)
}

/// The query-independent part of the fit: experience, recommendations, endorsements and
/// completeness.
pub(crate) fn base_fit(
    years: Option<u8>,
    share_pct: Option<u8>,
    reviews: u32,
    rating_sum: u32,
    endorsements: u32,
    completeness: f32,
) -> f64 {
    let years_part = years.map_or(0.0, |y| 1.0 - (-f64::from(y) / EXPERIENCE_YEARS_SCALE).exp());
    let share_part = share_pct.map_or(0.0, |s| f64::from(s.min(100)) / 100.0);
    let experience = EXPERIENCE_YEARS_PART * years_part + (1.0 - EXPERIENCE_YEARS_PART) * share_part;
    let rating = ((bayesian_rating(reviews, rating_sum) - 1.0) / 4.0).clamp(0.0, 1.0);
    let e = f64::from(endorsements);
    let endorsement = e / (e + ENDORSEMENT_HALF);
    let completeness = if completeness.is_finite() { f64::from(completeness).clamp(0.0, 1.0) } else { 0.0 };
    W_EXPERIENCE * experience + W_RECOMMENDATION * rating + W_ENDORSEMENT * endorsement + W_COMPLETENESS * completeness
}

/// The distance part of the fit.
pub(crate) fn distance_fit(distance: f64, radius: f64) -> f64 {
    if radius <= 0.0 { W_DISTANCE } else { W_DISTANCE * (1.0 - distance / radius).clamp(0.0, 1.0) }
}

/// The final score from its parts, rounded to four decimals (the value ranked and shown).
pub(crate) fn final_score(group: u8, base: f32, style: f64, distance: f64) -> f64 {
    let fit = (f64::from(base) + style + distance).clamp(0.0, FIT_MAX);
    ((f64::from(group) * GROUP_STEP + fit) * 1e4).round() / 1e4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_add_up_to_100() {
        let total = W_DISTANCE + W_STYLE + W_EXPERIENCE + W_RECOMMENDATION + W_ENDORSEMENT + W_COMPLETENESS;
        assert!((total - 100.0).abs() < 1e-9);
    }

    #[test]
    fn bayesian_average_resists_a_few_glowing_reviews() {
        assert!(bayesian_rating(2, 10) < bayesian_rating(200, 920));
        assert!((bayesian_rating(0, 0) - RATING_PRIOR_MEAN).abs() < 1e-12);
        // nonsense sums are clamped to what the reviews can add up to
        assert!((bayesian_rating(1, 50) - bayesian_rating(1, 5)).abs() < 1e-12);
    }

    #[test]
    fn fit_stays_below_the_group_step() {
        let base = base_fit(Some(255), Some(255), u32::MAX, u32::MAX, u32::MAX, 1.0) as f32;
        let s = final_score(0, base, W_STYLE, W_DISTANCE);
        assert!(s < GROUP_STEP);
    }
}
