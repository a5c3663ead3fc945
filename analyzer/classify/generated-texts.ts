/**
 * Texts of 0 to 11 pieces drawn from `alphabet`, the same ones every run (a seeded linear congruential
 * generator): for unit tests that check a fast hand-written reading against the patterns it stands for.
 */
export function generatedTexts(alphabet: readonly string[], count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    for (let n = next() % 12; n > 0; n--) t += alphabet[next() % alphabet.length];
    out.push(t);
  }
  return out;
}
