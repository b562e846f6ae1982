import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './router';

export interface RouterLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
  inline?: boolean;
  'aria-label'?: string;
  'aria-current'?: 'page';
  onNavigate?: () => void;
}

/** A Fluent link to an in-app route: a real href (open in new tab works) that goes through the unsaved-changes guard. */
export function RouterLink({ href, children, className, inline, onNavigate, ...aria }: RouterLinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onNavigate?.();
    void navigate(href);
  };
  return (
    <Link as="a" href={href} onClick={handle} className={className} inline={inline} {...aria}>
      {children}
    </Link>
  );
}
