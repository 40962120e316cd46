/**
 * Heart rates a human heart can produce, beats per minute: the lowest recorded resting rates are ~27, the
 * highest maxima ~220. Shared by the summariser (samples outside are gaps) and the plausibility checks.
 */
export const HEART_RATE_RANGE = [25, 250] as const;
