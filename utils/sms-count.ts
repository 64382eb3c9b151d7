import { SegmentedMessage } from 'sms-segments-calculator/dist/libs/SegmentedMessage';

/** An SMS body as carriers count it (Twilio's calculator: GSM-7 160/153, UCS-2 70/67). */
export interface SmsCount {
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters one segment holds at this length: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  perSegment: number;
  /** The characters outside GSM-7 that made it UCS-2, each once. */
  unicode: string[];
}

export function countSms(text: string): SmsCount {
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName;
  const single = message.segmentsCount <= 1;
  return {
    characters: message.numberOfCharacters,
    segments: message.segmentsCount,
    encoding,
    perSegment: encoding === 'GSM-7' ? (single ? 160 : 153) : single ? 70 : 67,
    unicode: [...new Set(message.getNonGsmCharacters())],
  };
}
