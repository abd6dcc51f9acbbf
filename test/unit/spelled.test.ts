import { describe, expect, it } from 'vitest';
import { spellsNumbers } from '../../src/core/spelled';

describe('spellsNumbers', () => {
  it('finds Yoruba number words whatever their tone marks, and inside compounds', () => {
    expect(spellsNumbers('HMP Long Lartin ńtọ́jú àwọn ẹlẹ́wọn tóju ẹ̀ẹ́dẹ̀gbẹ̀ta lọ', 'yo')).toBe(true);
    expect(spellsNumbers('Faranse ni o ni ẹgbẹrun ọmọ ogun ni ilẹ', 'yo')).toBe(true);
    expect(spellsNumbers('lọ́jọ́ kọkàndínlọ́gbọ́n, oṣù Owewe', 'yo')).toBe(true);
  });

  it('leaves words that only look like numbers: Yoruba "ogun" is also war', () => {
    expect(spellsNumbers('àwọn ọmọ ogun wà ní ilẹ̀ náà', 'yo')).toBe(false);
  });

  it('finds Malayalam number words with their endings', () => {
    expect(spellsNumbers('ലൊംബോക് ജനസംഖ്യയുടെ പത്ത് ശതമാനത്തിലധികം പേർക്ക്', 'ml')).toBe(true);
    expect(spellsNumbers('അയ്യായിരത്തിലധികം നടപടികൾ', 'ml')).toBe(true);
    expect(spellsNumbers('സർക്കാർ പ്രഖ്യാപിച്ചു', 'ml')).toBe(false);
  });

  it('says nothing for languages without a list', () => {
    expect(spellsNumbers('fem millioner mødre', 'da')).toBe(false);
  });
});
