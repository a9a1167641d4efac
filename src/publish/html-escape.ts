// Characters no HTML or XML document may carry, even as a character reference: C0 controls
// other than tab, line feed and carriage return, DEL and the C1 controls (HTML parse errors;
// XML 1.0 forbids the C0 ones outright), lone surrogates and the noncharacters U+FFFE/U+FFFF.
// Clip text pasted from the web sometimes has them; each becomes U+FFFD so that the output
// stays well-formed and the reader still sees that something stood there.
const UNREPRESENTABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g; // eslint-disable-line no-control-regex

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Clip text as the character data of an HTML or XML element or attribute value: `& < > " '`
 * become references (one function for both places, so no caller can pick the weaker one), and
 * characters no document may hold become U+FFFD.
 *
 * @example
 * escapeMarkup('<script>"x" & \'y\'</script>');
 * // '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;'
 */
export function escapeMarkup(text: string): string {
  return text.replace(UNREPRESENTABLE, '\uFFFD').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] ?? c);
}
