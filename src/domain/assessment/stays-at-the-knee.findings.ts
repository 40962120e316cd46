/**
 * Findings shared by the conditions whose pain stays at the knee itself (the kneecap, its tendons and bursae,
 * the ligaments, the menisci, the joint's wear). A calf that hurts or swells is not part of any of them, so it
 * points away from them and toward what reaches the calf: a burst Baker's cyst, a clot (a danger, named by
 * the decision table) or a nerve from the back. Without these, a painful swollen calf left "runner's knee"
 * leading on its prior alone. Graded, not published likelihood ratios (condition.types.ts explains the grades).
 */
export const STAYS_AT_THE_KNEE = { calfPain: 0.4, calfSwelling: 0.3 } as const;

/**
 * Pain that reaches up into the thigh or hip is not part of the conditions that sit at or below the kneecap,
 * at the joint line or in the ligaments; it points to the hip, the back or the thigh bone (and, beside
 * outer-knee pain, the iliotibial band, which runs up the thigh and is left out, as is the quadriceps tendon
 * above the kneecap). Graded, not published.
 */
export const BELOW_THE_THIGH = { thighPain: 0.5 } as const;
