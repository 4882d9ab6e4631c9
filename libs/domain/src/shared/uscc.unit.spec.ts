import { describeUsccProblem, isValidUscc, usccProblem, withUsccCheckCharacter } from './uscc';

/** RULES.md "Shared definitions": the USCC (GB 32100-2015) behind rule D-USCC. */
describe('D-USCC: 统一社会信用代码 check character', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])(
    'D-USCC: the RULES.md example %s is valid',
    (uscc) => {
      expect(usccProblem(uscc)).toBeNull();
      expect(isValidUscc(uscc)).toBe(true);
    },
  );

  it('D-USCC: a wrong check character is refused', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check_character');
    expect(usccProblem('91110000600037341K')).toBe('check_character');
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('D-USCC: the letter %s is outside the alphabet', (letter) => {
    expect(usccProblem(`91350100M000100${letter}43`)).toBe('character');
  });

  it('D-USCC: lower-case letters are outside the alphabet', () => {
    expect(usccProblem('91110000600037341l')).toBe('character');
  });

  it.each(['', '91350100M000100Y4', '91350100M000100Y433'])(
    'D-USCC: length other than 18 is refused (%j)',
    (uscc) => {
      expect(usccProblem(uscc)).toBe('length');
    },
  );

  it.each([2, 3, 4, 5, 6, 7])(
    'D-USCC: a letter at position %i (0-based) of the area code is refused',
    (index) => {
      const first17 = '91350100M000100Y4';
      const withLetter = `${first17.slice(0, index)}A${first17.slice(index + 1)}`;
      // Completed with its own check character, so only the area code is at fault.
      expect(usccProblem(withUsccCheckCharacter(withLetter))).toBe('area_code');
    },
  );

  it('D-USCC: letters are allowed outside the area code (positions 1-2 and 9-17)', () => {
    expect(usccProblem(withUsccCheckCharacter('Y1500000MA5U7Y8X1'))).toBeNull();
  });

  it('D-USCC: a non-string is refused', () => {
    expect(usccProblem(9111000060003734)).toBe('not_a_string');
    expect(isValidUscc(null)).toBe(false);
  });

  it('D-USCC: each problem has a readable reason', () => {
    expect(describeUsccProblem('area_code')).toBe(
      'invalid USCC: positions 3-8 (area code) must be digits',
    );
  });
});

describe('withUsccCheckCharacter', () => {
  it('completes the RULES.md examples with their check characters', () => {
    expect(withUsccCheckCharacter('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(withUsccCheckCharacter('91110000600037341')).toBe('91110000600037341L');
  });

  it('produces valid codes for any 17 characters of the alphabet', () => {
    for (let n = 0; n < 500; n++) {
      const uscc = withUsccCheckCharacter(`91500000MA${String(n * 7919).padStart(7, '0')}`);
      expect(usccProblem(uscc)).toBeNull();
    }
  });

  it('throws on a character outside the alphabet', () => {
    expect(() => withUsccCheckCharacter('91350100M000100O4')).toThrow(RangeError);
  });

  it('throws unless given exactly 17 characters', () => {
    expect(() => withUsccCheckCharacter('9135010')).toThrow(RangeError);
    expect(() => withUsccCheckCharacter('91350100M000100Y43')).toThrow(RangeError);
  });
});
