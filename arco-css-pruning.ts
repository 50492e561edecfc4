import type { Plugin } from 'postcss';

/**
 * Variants of Arco's components that the app never shows, each a pattern of the selectors that style it. Arco's
 * stylesheets carry every variant of every component they style; these are left out of the renderer's CSS (about
 * 3 KiB gzipped in all; test/arco-css-pruning.test.ts checks that the renderer asks for none of them). A screen
 * that starts using one must take it off this list.
 */
export const unusedArcoVariants: Readonly<Record<string, RegExp>> = {
  // Right to left, for ConfigProvider's `rtl`: both the app's languages read left to right.
  rightToLeft: /\.arco-[\w-]*-rtl\b/,
  // Tag's preset colours other than the five the app gives (arcoblue, green, orange, red, gray).
  tagColors: /\.arco-tag-(orangered|gold|lime|cyan|blue|purple|pinkpurple|magenta)\b/,
  // Steps drawn as arrows, navigation or dots (the welcome's steps are the default kind).
  stepsKinds: /\.arco-steps-(mode-|type-)?(arrow|navigation|dot)\b/,
  // Progress as a circle or as steps (every bar in the app is a line).
  progressKinds: /\.arco-progress-(type-)?(circle|steps)\b/,
  // Dashed and outline buttons, round and circle ones (the app's are primary, secondary or text, square).
  buttonKinds: /\.arco-btn-(dashed|outline|shape-circle|shape-round)\b/,
  // The large and mini sizes of everything but Button (inputs, selects, tags, radios... are default or small).
  // A form field marked warning, success or validating (the app's forms mark a field in error, or not at all).
  formFieldStatuses: /\.arco-form-item-status-(warning|success|validating)\b/,
  sizesBesideButtons: /\.arco-(?!btn-)[\w-]*-size-(large|mini)\b/,
};

const patterns = Object.values(unusedArcoVariants);

/** The PostCSS plugin the renderer's build uses (vite.config.ts): drops those selectors, and a rule left with none. */
export function dropUnusedArcoVariants(): Plugin {
  return {
    postcssPlugin: 'drop-unused-arco-variants',
    Rule(rule) {
      if (!rule.selector.includes('.arco-')) return;
      const kept = rule.selectors.filter((selector) => !patterns.some((pattern) => pattern.test(selector)));
      if (kept.length === 0) rule.remove();
      else if (kept.length < rule.selectors.length) rule.selectors = kept;
    },
  };
}
