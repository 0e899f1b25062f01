import { describe, expect, it } from 'vitest';
import {
  addQuickReply, insertReply, isQuickReplies, QUICK_REPLIES_MAX, QUICK_REPLY_MAX_CHARS, removeQuickReply,
} from '../../src/domain/index.ts';

describe('quick replies', () => {
  it('are saved cleaned, newest first; saved again, one moves to the front instead of being kept twice', () => {
    const one = addQuickReply([], '  Thanks, it ships today.\r\n ');
    expect(one).toEqual({ ok: true, value: ['Thanks, it ships today.'] });
    const two = addQuickReply(one.ok ? one.value : [], '发货了');
    expect(two).toEqual({ ok: true, value: ['发货了', 'Thanks, it ships today.'] });
    expect(addQuickReply(two.ok ? two.value : [], 'Thanks, it ships today.')).toEqual({ ok: true, value: ['Thanks, it ships today.', '发货了'] });
  });

  it('refuse empty, too long and a full list, saying which', () => {
    expect(addQuickReply([], ' \n ')).toEqual({ ok: false, problem: 'empty' });
    expect(addQuickReply([], 'x'.repeat(QUICK_REPLY_MAX_CHARS + 1))).toEqual({ ok: false, problem: 'too-long' });
    expect(addQuickReply([], 'x'.repeat(QUICK_REPLY_MAX_CHARS)).ok).toBe(true);
    const full = Array.from({ length: QUICK_REPLIES_MAX }, (_, i) => `reply ${i}`);
    expect(addQuickReply(full, 'one more')).toEqual({ ok: false, problem: 'too-many' });
    // A full list still takes one it already has (moved to the front).
    expect(addQuickReply(full, 'reply 7')).toEqual({ ok: true, value: ['reply 7', ...full.filter((r) => r !== 'reply 7')] });
  });

  it('remove only the one named', () => {
    expect(removeQuickReply(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(removeQuickReply(['a'], 'zzz')).toEqual(['a']);
  });

  it('are checked when read from outside: strings, cleaned, short, distinct, not too many', () => {
    expect(isQuickReplies([])).toBe(true);
    expect(isQuickReplies(['Thanks', '发货了'])).toBe(true);
    expect(isQuickReplies('Thanks')).toBe(false);
    expect(isQuickReplies([1])).toBe(false);
    expect(isQuickReplies([''])).toBe(false);
    expect(isQuickReplies([' padded '])).toBe(false);
    expect(isQuickReplies(['a', 'a'])).toBe(false);
    expect(isQuickReplies(['x'.repeat(QUICK_REPLY_MAX_CHARS + 1)])).toBe(false);
    expect(isQuickReplies(Array.from({ length: QUICK_REPLIES_MAX + 1 }, (_, i) => `r${i}`))).toBe(false);
  });

  it('go into the composer after what is written, on their own line, losing nothing', () => {
    expect(insertReply('', 'Thanks!')).toBe('Thanks!');
    expect(insertReply('  \n', 'Thanks!')).toBe('Thanks!');
    expect(insertReply('Hello Ann,  \n', 'Thanks!')).toBe('Hello Ann,\nThanks!');
  });
});
