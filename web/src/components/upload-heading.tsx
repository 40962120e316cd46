/** The panel's headings sit one level under whatever section holds the panel (onboarding h2, Settings h3). */
import type { ComponentChildren } from 'preact';

export type HeadingLevel = 2 | 3 | 4;

export function UploadHeading(props: {
  level: HeadingLevel;
  children: ComponentChildren;
  id?: string;
  /** The heading focus moves to when a result appears. */
  result?: boolean;
}) {
  const Tag = `h${props.level}` as 'h2' | 'h3' | 'h4';
  return (
    <Tag
      id={props.id}
      tabIndex={props.result ? -1 : undefined}
      data-upload-result={props.result ? '' : undefined}
    >
      {props.children}
    </Tag>
  );
}
