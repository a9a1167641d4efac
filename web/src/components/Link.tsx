import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { isPlainClick, navigate } from '../navigation.js';

/**
 * A link inside the app: a plain click navigates without a reload; others act as usual.
 *
 * @example
 *   <Link href="/app/tags/NATO">#NATO</Link>
 */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}

/**
 * A link out of the app, to a post or an article: only http(s) URLs, never the referrer.
 *
 * @example
 *   <ExternalLink href="https://x.com/nhk_news/status/1">Post</ExternalLink>
 */
export function ExternalLink(props: { href: string; children: ComponentChildren; label?: string }) {
  return (
    <a
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={props.label}
      class="external"
    >
      {props.children}
    </a>
  );
}
