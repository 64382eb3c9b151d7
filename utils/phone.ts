/** The number as it will be dialled: `+` and digits, nothing else. */
export function dialledNumber(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}
