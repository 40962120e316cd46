/**
 * Pain scores (0–10) in words and in a colour band. The bands are the usual numeric-rating-scale cut-offs
 * (1–3 mild, 4–6 moderate, 7–10 severe); the colour always comes with the number, never alone.
 */
export type PainBand = 'none' | 'mild' | 'moderate' | 'severe';

export function painBand(score: number): PainBand {
  if (score <= 0) return 'none';
  if (score <= 3) return 'mild';
  if (score <= 6) return 'moderate';
  return 'severe';
}

const WORDS: Record<PainBand, string> = {
  none: 'no pain',
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
};

export function painWords(score: number): string {
  return WORDS[painBand(score)];
}

/** "4/10, moderate" */
export function painText(score: number): string {
  return `${score}/10, ${painWords(score)}`;
}
