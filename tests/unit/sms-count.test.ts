import { describe, expect, it } from 'vitest';
import { dialledNumber } from '@/utils/phone';
import { countSms } from '@/utils/sms-count';

describe('countSms', () => {
  it.each([
    ['empty', '', { characters: 0, segments: 1, encoding: 'GSM-7' }],
    ['160 GSM characters: one message', 'a'.repeat(160), { segments: 1, perSegment: 160 }],
    ['161 GSM characters: two parts of 153', 'a'.repeat(161), { segments: 2, perSegment: 153 }],
    ['306 GSM characters: two parts', 'a'.repeat(306), { segments: 2 }],
    ['307 GSM characters: three parts', 'a'.repeat(307), { segments: 3 }],
    ['the GSM extension table counts twice (€)', `${'a'.repeat(159)}€`, { segments: 2 }],
    ['one emoji: UCS-2', 'See you soon 🙂', { encoding: 'UCS-2', segments: 1, perSegment: 70 }],
    ['70 UCS-2 characters: one message', 'ж'.repeat(70), { segments: 1, encoding: 'UCS-2' }],
    ['71 UCS-2 characters: two parts of 67', 'ж'.repeat(71), { segments: 2, perSegment: 67 }],
  ] as const)('%s', (_name, text, expected) => {
    expect(countSms(text)).toMatchObject(expected);
  });

  it('names the characters outside GSM-7, each once', () => {
    expect(countSms('Hi 🙂 and 🙂 — bye').unicode).toEqual(['🙂', '—']);
    expect(countSms('Hi Jane, plain GSM: @£$¥').unicode).toEqual([]);
  });
});

describe('dialledNumber', () => {
  it.each([
    ['+1 555 0100', '+15550100'],
    ['+44 20 7946 0104', '+442079460104'],
    ['(202) 555-0143', '2025550143'],
    [' +33 (1) 44-27-00-00 ', '+33144270000'],
  ])('%s → %s', (phone, dialled) => {
    expect(dialledNumber(phone)).toBe(dialled);
  });
});
