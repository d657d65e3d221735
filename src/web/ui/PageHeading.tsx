import { useEffect, useRef, type ReactNode } from 'react';
import { takeFocusAfterNavigation } from '../router.ts';

interface PageHeadingProps {
  /** Document title (browser tab, history). */
  title: string;
  children: ReactNode;
  className?: string;
}

/**
 * The h1 of a page. Sets the document title and, after a navigation inside the app, takes the
 * focus so that screen readers announce the new page and Tab starts from its top.
 */
export function PageHeading({ title, children, className }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    if (takeFocusAfterNavigation()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className ?? 'page-title'}>
      {children}
    </h1>
  );
}
