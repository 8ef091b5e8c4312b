/**
 * A UK phone number typed any way people type one ("07700 900 123", "+44 7700 900123",
 * "(020) 7946 0000"), as the digits staff dial, or undefined. Short numbers (999, 111, 116 123)
 * are not numbers to call someone back on.
 */
export function ukPhoneNumber(text: string): string | undefined {
  const candidates = text.match(/\+?[\d(][\d\s().-]{8,}\d/g) ?? [];
  for (const candidate of candidates) {
    let digits = candidate.replace(/[^\d+]/g, '');
    if (digits.startsWith('+44')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
    else if (digits.startsWith('0044')) digits = `0${digits.slice(4).replace(/^0/, '')}`;
    else if (digits.startsWith('44') && digits.length === 12) digits = `0${digits.slice(2)}`;
    // Landlines (01, 02), non-geographic 03 and mobiles (07): numbers a clinic can call back.
    if (/^0(?:1\d{8,9}|2\d{9}|3\d{9}|7\d{9})$/.test(digits)) return digits;
  }
  return undefined;
}
