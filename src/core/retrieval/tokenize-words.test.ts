import { describe, expect, it } from 'vitest';
import { tokenizeWords } from './tokenize-words';

describe('tokenizeWords', () => {
  it('splits scripts written without spaces into words', () => {
    expect(tokenizeWords('東京は日本の首都です')).toEqual(['東京', 'は', '日本', 'の', '首都', 'です']);
    expect(tokenizeWords('我们今天去北京大学')).toEqual(['我们', '今天', '去', '北京', '大学']);
    expect(tokenizeWords('สวัสดีครับ ผมชื่อสมชาย')).toEqual(['สวัสดี', 'ครับ', 'ผม', 'ชื่อ', 'สมชาย']);
  });

  it('lower-cases, folds compatibility forms and drops punctuation', () => {
    expect(tokenizeWords('The Panthers, in 2015!')).toEqual(['the', 'panthers', 'in', '2015']);
    // Full-width Latin letters and digits fold to ASCII under NFKC.
    expect(tokenizeWords('ＮＦＬ ２０１５')).toEqual(['nfl', '2015']);
  });

  it('splits dotted abbreviations and decimals the same way in every ICU version', () => {
    expect(tokenizeWords('the U.S. team, i.e. 3.5 goals')).toEqual(['the', 'u', 's', 'team', 'i', 'e', '3', '5', 'goals']);
  });

  it('keeps words of Arabic and Devanagari scripts whole', () => {
    expect(tokenizeWords('عاصمة مصر هي القاهرة')).toEqual(['عاصمة', 'مصر', 'هي', 'القاهرة']);
    expect(tokenizeWords('भारत की राजधानी नई दिल्ली है।')).toEqual(['भारत', 'की', 'राजधानी', 'नई', 'दिल्ली', 'है']);
  });
});
