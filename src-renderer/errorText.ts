/**
 * An error as the clerk reads it: the message alone, never "Error:" or a stack (String(e) on an
 * Error prefixes its class name). An unknown thrown value gets a plain Chinese sentence.
 */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message.replace(/^(?:[A-Za-z]*Error|Error):\s*/u, '') || '操作未完成，请重试';
  if (typeof e === 'string') return e.replace(/^(?:[A-Za-z]*Error|Error):\s*/u, '');
  return '操作未完成，请重试';
}
