import { describe, expect, it } from 'vitest';
import { formatCount, formatRating } from '../../src/ui/format.ts';

describe('counts and ratings for people, through Intl', () => {
  it('says counts short, as shops do: 1.2K in English, 1.2万 in Chinese', () => {
    expect([5, 999, 1234, 15_600, 2_500_000].map((n) => formatCount(n, 'en'))).toEqual(['5', '999', '1.2K', '15.6K', '2.5M']);
    expect([5, 999, 1234, 15_600, 2_500_000].map((n) => formatCount(n, 'zh-CN'))).toEqual(['5', '999', '1234', '1.6万', '250万']);
  });

  it('gives a rating one decimal', () => {
    expect(formatRating(13 / 3, 'en')).toBe('4.3');
    expect(formatRating(5, 'zh-CN')).toBe('5.0');
  });
});
