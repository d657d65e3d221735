/**
 * Text for HTML and SVG (reports, Kennblätter, chart tooltips): the five characters with a meaning
 * in markup, escaped, so names and values from the data can never become markup.
 * @example escapeHtml('Müller & Söhne <GmbH>') // 'Müller &amp; Söhne &lt;GmbH&gt;'
 */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
