/**
 * 统一社会信用代码 (GB 32100-2015), RULES.md "Shared definitions": 18 characters from the
 * 31-symbol alphabet, positions 3–8 the administrative area code (digits), last a check
 * character = (31 − Σ cᵢwᵢ mod 31) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'not_a_string' | 'length' | 'character' | 'area_code' | 'check_character';

/** Why a USCC is invalid, or null when it is valid. */
export function usccProblem(value: unknown): UsccProblem | null {
  if (typeof value !== 'string') return 'not_a_string';
  if (value.length !== 18) return 'length';
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const code = ALPHABET.indexOf(value.charAt(i));
    if (code < 0) return 'character';
    if (i >= 2 && i <= 7 && code > 9) return 'area_code';
    const weight = WEIGHTS[i];
    if (weight !== undefined) sum += code * weight;
  }
  const expected = ALPHABET.charAt((31 - (sum % 31)) % 31);
  return value.charAt(17) === expected ? null : 'check_character';
}

export function isValidUscc(value: unknown): value is string {
  return usccProblem(value) === null;
}

const PROBLEM_TEXT: Record<UsccProblem, string> = {
  not_a_string: 'must be a string',
  length: 'must be 18 characters',
  character: 'may only use 0-9 and A-Y without I, O, S, V, Z',
  area_code: 'positions 3-8 (area code) must be digits',
  check_character: 'check character does not match (GB 32100-2015)',
};

export function describeUsccProblem(problem: UsccProblem): string {
  return `invalid USCC: ${PROBLEM_TEXT[problem]}`;
}

/** Completes 17 characters with their check character: used by generators and tests. */
export function withUsccCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`expected 17 characters, got ${String(first17.length)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = ALPHABET.indexOf(first17.charAt(i));
    if (code < 0) throw new RangeError(`invalid USCC character at ${String(i)}`);
    sum += code * (WEIGHTS[i] ?? 0);
  }
  return first17 + ALPHABET.charAt((31 - (sum % 31)) % 31);
}
