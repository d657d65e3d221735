import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router.ts';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** Address inside the app; a function is asked again at the click (e.g. the atlas selection). */
  to: string | (() => string);
}

/**
 * A real link (opens in a new tab with Ctrl/middle click, can be copied) that navigates inside the
 * app without reloading on a plain click.
 */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const href = typeof to === 'function' ? to() : to;
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== '_self')
    )
      return;
    event.preventDefault();
    navigate(typeof to === 'function' ? to() : to);
  };
  return <a href={href} onClick={click} {...rest} />;
}
