//! Names, credentials and taxonomies the generator draws from. Last names include accents,
//! apostrophes and hyphens (all Latin-1, so Florida's Latin-1 roster can carry them) to
//! exercise name folding when rosters are matched.

pub(crate) const LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Kim",
    "Patel",
    "Chen",
    "Wang",
    "Nakamura",
    "Okafor",
    "Haddad",
    "Kowalczyk",
    "O'Brien",
    "Núñez",
    "García",
    "Müller",
    "Peña",
    "Gonçalves",
    "Fernández",
    "López",
    "Søndergaard",
    "Strauß",
    "Björk",
    "Dubois",
    "Álvarez",
    "Muñoz",
    "Jiménez",
    "Schäfer",
    "Smith-Jones",
    "Ibáñez",
    "Rønning",
    "D'Angelo",
    "MacLeod",
    "Østergaard",
];

pub(crate) const FIRST_NAMES_F: &[&str] = &[
    "Maria", "Anna", "Emily", "Sofia", "Olivia", "Sarah", "Jessica", "Ashley", "Laura", "Elena", "Chloé", "Zoë",
    "Renée", "Inés", "Ana", "Hannah", "Mia", "Grace", "Lily", "Amara", "Priya", "Mei", "Aiko", "Fatima", "Rachel",
];

pub(crate) const FIRST_NAMES_M: &[&str] = &[
    "James", "John", "Robert", "Michael", "David", "William", "Daniel", "Joseph", "Thomas", "Carlos", "José", "Luis",
    "André", "Jürgen", "Søren", "Kenji", "Wei", "Omar", "Diego", "Noah", "Liam", "Ethan", "Marcus",
];

pub(crate) const MIDDLE_INITIALS: &[&str] =
    &["", "", "", "A", "B", "C", "D", "E", "J", "L", "M", "R", "S", "Lee", "Marie"];

pub(crate) const ORG_FIRST: &[&str] = &[
    "Serenity",
    "Cascade",
    "Healing Hands",
    "Blue Spruce",
    "Riverbend",
    "Summit",
    "Lakeside",
    "Golden Lotus",
    "Evergreen",
    "Still Water",
    "Northstar",
    "Desert Sage",
    "Harbor",
    "Willow",
];

pub(crate) const ORG_SECOND: &[&str] =
    &["Massage", "Massage Therapy", "Bodywork", "Wellness", "Therapeutic Massage", "Spa"];

pub(crate) const ORG_SUFFIX: &[&str] = &["LLC", "PLLC", "Inc", "Co", "LLC", "Clinic"];

pub(crate) const THERAPIST_CREDENTIALS: &[&str] =
    &["LMT", "LMT", "LMT", "CMT", "LMP", "LMBT", "", "LMT, CPT", "NCBTMB", "L.M.T."];

pub(crate) const OTHER_CREDENTIALS: &[&str] =
    &["MD", "DO", "NP", "PT", "DPT", "DDS", "DC", "RN", "PharmD", "LCSW", "LAc", ""];

/// Taxonomies of other providers (never 225700000X).
pub(crate) const OTHER_TAXONOMIES: &[&str] = &[
    "207Q00000X",
    "208D00000X",
    "363L00000X",
    "225100000X",
    "1223G0001X",
    "111N00000X",
    "390200000X",
    "101YM0800X",
    "163W00000X",
    "152W00000X",
    "183500000X",
    "225X00000X",
    "171100000X",
    "174400000X",
    "207R00000X",
    "2084P0800X",
];

/// Organization taxonomies of other providers.
pub(crate) const OTHER_ORG_TAXONOMIES: &[&str] =
    &["261QP2300X", "332B00000X", "193200000X", "282N00000X", "3336C0003X", "251E00000X", "261QR1300X"];

/// Further taxonomies a massage therapist may also hold.
pub(crate) const THERAPIST_EXTRA_TAXONOMIES: &[&str] =
    &["171100000X", "225100000X", "174400000X", "101YM0800X", "3747P1801X"];

pub(crate) const STREETS: &[&str] = &[
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "River",
    "Sunset",
    "Lincoln",
    "Highland",
    "Madison",
    "Jefferson",
    "Spring",
    "Ridge",
    "Meadow",
    "Forest",
];

pub(crate) const STREET_KINDS: &[&str] = &["St", "Ave", "Blvd", "Rd", "Way", "Dr", "Ln", "Pl"];

pub(crate) const SUITES: &[&str] = &["", "", "", "Suite 100", "Suite 210", "Ste 3B", "Unit 4", "Floor 2"];

/// Removes accents and turns `ß` into `ss` (what some rosters print), leaving other
/// characters as they are: `Núñez` → `Nunez`.
pub(crate) fn strip_accents(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
            'ç' => 'c',
            'Ç' => 'C',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            'ý' | 'ÿ' => 'y',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            c => c,
        };
        out.push(base);
    }
    out
}

#[cfg(test)]
mod tests {
    use lumbar_core::directory::verify::fold_name;

    use super::*;

    #[test]
    fn every_name_is_latin1_and_folds_like_its_plain_spelling() {
        for name in LAST_NAMES.iter().chain(FIRST_NAMES_F).chain(FIRST_NAMES_M) {
            assert!(name.chars().all(|c| u32::from(c) <= 0xFF), "{name} is not Latin-1");
            assert_eq!(fold_name(name), fold_name(&strip_accents(name)), "{name}");
            assert_eq!(fold_name(name), fold_name(&strip_accents(name).to_uppercase()), "{name}");
        }
        assert_eq!(strip_accents("Strauß Núñez"), "Strauss Nunez");
    }
}
