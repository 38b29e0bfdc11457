import { distance } from 'fastest-levenshtein';

/**
 * The known value closest to `input`, for a "did you mean" hint; undefined
 * when nothing is close enough to be a likely typo.
 */
export function suggest(input: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(input, k);
    const score = d / Math.max(input.length, k.length, 1);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  // A shared stem (江华 in 江华县区) or a small edit counts as close.
  if (best !== undefined && (bestScore <= 0.5 || best.includes(input) || input.includes(best))) return best;
  return undefined;
}

/** `；是不是「X」？` when there is a close match, else an empty string. */
export function didYouMean(input: string, known: readonly string[]): string {
  const s = suggest(input, known);
  return s === undefined ? '' : `是不是「${s}」？`;
}
