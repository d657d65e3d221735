import { useState } from 'react';
import { rt } from './texts.ts';

interface ReportPreviewProps {
  /** Address of the HTML document (the same HTML that becomes the PDF). */
  src: string;
  name: string;
  /** A city template with every area's Steckbrief: say that it takes a while. */
  slow: boolean;
  onClose: () => void;
}

/** The report as HTML in a frame; a note while it is being generated. */
export function ReportPreview({ src, name, slow, onClose }: ReportPreviewProps) {
  // the address that finished loading: a new address shows the note again
  const [loaded, setLoaded] = useState<string | null>(null);
  const loading = loaded !== src;
  return (
    <section
      className="reports-preview"
      aria-labelledby="reports-preview-heading"
      data-testid="report-preview"
    >
      <div className="reports-preview__head">
        <h2 id="reports-preview-heading">{rt.preview.heading}</h2>
        <button type="button" className="button" onClick={onClose}>
          {rt.preview.close}
        </button>
      </div>
      {loading && (
        <p className="notice" role="status">
          {rt.preview.loading} {slow && rt.preview.slow}
        </p>
      )}
      <iframe
        key={src}
        className="reports-preview__frame"
        title={rt.preview.frameTitle(name)}
        src={src}
        onLoad={() => setLoaded(src)}
        aria-busy={loading || undefined}
        data-testid="report-frame"
      />
    </section>
  );
}
