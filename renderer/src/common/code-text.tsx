import { Fragment, memo } from 'react';

/** Splits after each dot and underscore, keeping them: "ECS_NETWORK_PROXY" -> ["ECS_", "NETWORK_", "PROXY"]. */
function codeSegments(code: string): string[] {
  return code.split(/(?<=[._])/).filter((part) => part !== '');
}

/**
 * A code-like string (an error code, a region or instance ID, HTTPS_PROXY) that may wrap only after its dots and
 * underscores, never inside a word or at a hyphen ("cn-" / "beijing"). Each segment is unbreakable; `<wbr>`
 * between them adds no character, so a copied code is unchanged.
 */
export const CodeText = memo(function CodeText(props: { text: string; className?: string }) {
  const segments = codeSegments(props.text);
  return (
    <span className={props.className === undefined ? 'code-text' : `code-text ${props.className}`}>
      {segments.map((segment, index) => (
        <Fragment key={index}>
          {index === 0 ? null : <wbr />}
          <span className="code-text-segment">{segment}</span>
        </Fragment>
      ))}
    </span>
  );
});
