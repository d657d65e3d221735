import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five markup characters and nothing else', () => {
    expect(escapeHtml(`Müller & Söhne <GmbH> "Nord" 'Süd'`)).toBe(
      'Müller &amp; Söhne &lt;GmbH&gt; &quot;Nord&quot; &#39;Süd&#39;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
