import { describe, expect, it } from 'vitest';
import { SurnameSchema, surnameProblem } from '../../../../core/domain/surname';

describe('surnames', () => {
  it.each(['张', '李', '欧阳', '司马', '诸葛', '歐陽', '司馬'])(
    'accepts the Chinese surname %s',
    (surname) => {
      expect(surnameProblem(surname)).toBeNull();
      expect(SurnameSchema.safeParse(surname).success).toBe(true);
    },
  );

  it.each(['Zhang', "O'Brien", 'O’Brien', 'Smith-Jones', 'li'])(
    'accepts the Latin surname %s',
    (surname) => {
      expect(surnameProblem(surname)).toBeNull();
      expect(SurnameSchema.safeParse(surname).success).toBe(true);
    },
  );

  it.each(['王小明', '张三', '欧阳娜娜', '张三丰李四', '明欧阳'])(
    'refuses %s as a full name (a surname and a given name)',
    (name) => {
      expect(surnameProblem(name)).toBe('full-name');
      expect(SurnameSchema.safeParse(name).success).toBe(false);
    },
  );

  it.each(['Zhang Wei', 'Mary Smith'])('refuses %j as a full name', (name) => {
    expect(surnameProblem(name)).toBe('full-name');
  });

  it.each(['张3', '13800138000', '110101199001011234', 'Zhang1'])(
    'refuses %s for its digits (no phone or ID numbers)',
    (text) => {
      expect(surnameProblem(text)).toBe('has-digits');
      expect(SurnameSchema.safeParse(text).success).toBe(false);
    },
  );

  it.each(['', '   ', '\t'])('calls %j empty', (text) => {
    expect(surnameProblem(text)).toBe('empty');
  });

  it.each(["O''Brien", '-Smith', 'Smith-', 'Zh@ng', '张Z', 'Z'.repeat(31)])(
    'refuses %j as not a surname',
    (text) => {
      expect(surnameProblem(text)).toBe('not-a-surname');
    },
  );

  it('judges the trimmed text, but the schema keeps only trimmed surnames', () => {
    expect(surnameProblem(' 张 ')).toBeNull();
    expect(SurnameSchema.safeParse(' 张 ').success).toBe(false);
  });
});
