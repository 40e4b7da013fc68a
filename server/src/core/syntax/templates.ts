/**
 * Template and substitution markers. A value holding one is produced by a
 * tool or by oslo.config at run time, so it is never judged as a literal.
 */
const TEMPLATE_MARKERS = ['{{', '{%', '<%', '{#'];
/** oslo.config substitution: `$name` or `${name}`. */
const OSLO_SUBSTITUTION = /\$(\{[A-Za-z_][\w.]*\}|[A-Za-z_])/;

export function isTemplated(text: string): boolean {
  // Most texts hold none of `{`, `<`, `$`: one scan each settles them.
  if (text.includes('{')) {
    for (const marker of TEMPLATE_MARKERS) if (text.includes(marker)) return true;
  } else if (text.includes('<%')) return true;
  return text.includes('$') && OSLO_SUBSTITUTION.test(text);
}

/** A whole line that is a template directive rather than configuration (`{% if … %}`). */
export function isTemplateLine(trimmedLine: string): boolean {
  return isTemplateLineAt(trimmedLine, 0);
}

/** `isTemplateLine` for the line whose first character after its indentation is at `start` in `text`. */
export function isTemplateLineAt(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  // {% {# {{ <%
  return first === 123 ? second === 37 || second === 35 || second === 123 : first === 60 && second === 37;
}
