# Cited statements from the clinical reference §5 (English). The sources are listed in
# src/content.rs by id and rendered from the rule set's sources.toml.

ev-helps-heading = How massage may help
ev-helps-short-term = Massage can ease lower back pain for a while for many people. In studies the benefit was mostly short-term, fading over weeks to months, and the quality of the evidence is low.
ev-helps-function = Some people with back pain that has lasted weeks or months move and manage daily tasks a bit better in the weeks after a course of massage.
ev-helps-tension = Most people find massage relaxing, and feeling less tense may help the pain. In a large trial, relaxing massage worked as well as focused, deeper massage.
ev-helps-mobility = Your back may feel looser for a while after a massage. Staying active and exercising is what keeps it moving in the long run.
ev-helps-with-exercise = Guidelines say massage works best as part of a plan that keeps you active, with exercise at its core, and not as a treatment on its own.
ev-helps-chronic = For back pain that has lasted more than 12 weeks, guidelines put exercise and other active treatments first; the evidence for massage is weaker there.

ev-weak-heading = Popular claims with weak evidence
ev-weak-circulation = "Massage improves circulation": studies that measured blood flow in the leg found that massage did not increase it. Skin blood flow can rise, but that is not the same thing.
ev-weak-inflammation = "Massage reduces inflammation": this has not been shown for back pain. One small laboratory study in muscles after exercise found less inflammatory signalling, which is a long way from treating a back.
ev-weak-structural = Massage does not fix a slipped or bulging disc, a trapped nerve or narrowing of the spine, and it does not "realign" the spine or "remove toxins". Pain that goes down the leg, numbness or weakness needs a clinician's check, and massage should not delay it.

ev-sessions-heading = How many sessions people usually need
ev-sessions-trials = In studies people had 6 to 10 sessions over 2 to 10 weeks: for example 6 sessions in about a month, or 10 sessions over 10 weeks. Some people feel relief after one session; others need several.
ev-sessions-durability = The benefit is mostly short-term. In the largest trial it lasted at least 6 months for many people, but was small after a year. To keep the benefit, people usually need to keep having massage.
ev-sessions-plan = A sensible plan is a first block of about 4 to 6 weekly sessions alongside exercise. If your pain has not improved by about 2 points out of 10 (or by about a third) by then, see a clinician rather than having more of the same. This plan is lumbar's suggestion, built on how change in pain is measured.
ev-sessions-natural-course = Most new back pain gets much better within about 6 weeks whatever treatment is used, so improvement while having massage is not always because of the massage.

ev-styles-heading = Deep tissue or Swedish?
ev-styles-similar = For long-lasting low back pain, a large trial found that relaxing (Swedish-style) massage and focused, deeper (structural) massage helped about equally.
ev-styles-pressure-risk = Deeper, more forceful pressure carries more risk, such as bruising. People who take blood thinners or have a bleeding problem should avoid deep, forceful massage.
ev-styles-choose = So choose the style you find comfortable. Deeper pressure is not proven to work better or faster.

ev-safety-heading = Side effects and safety
ev-safety-soreness = Serious problems are rare. In studies, from under 2 to 25 in every 100 people had more pain for a while afterwards, and mild soreness the next day is common.
ev-safety-not-instead = Do not use massage to put off seeing a clinician about a medical problem.

## What massage can and cannot do for you (result page)

can-short-term-relief = Massage can ease back pain for a while. For most people the relief is short-term.
can-with-exercise = It works best together with exercise and staying active, not on its own.
cannot-fix-structure = It does not fix a disc or nerve problem, or narrowing of the spine. Those need a clinician.
cannot-severe-pain = On its own it is not enough for severe pain.
can-soreness = You may feel sore for a day or so afterwards; tell your therapist if the pressure is too much.
