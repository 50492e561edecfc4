import type { Locator } from '@playwright/test';

/**
 * The WCAG contrast ratio of an element's text against what is painted behind it: its own background and its
 * ancestors', translucent ones composited over what lies below, as axe does for plain backgrounds.
 */
export async function textContrast(element: Locator): Promise<number> {
  return element.evaluate((start) => {
    const parse = (css: string): [number, number, number, number] => {
      const numbers = (css.match(/[\d.]+/g) ?? []).map(Number);
      return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 1];
    };
    const over = (top: number[], below: number[]) => top.slice(0, 3).map((channel, index) => channel * top[3]! + below[index]! * (1 - top[3]!));
    const layers: Array<[number, number, number, number]> = [];
    for (let node: Element | null = start; node !== null; node = node.parentElement) {
      const layer = parse(getComputedStyle(node).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] >= 1) break;
    }
    let background = [255, 255, 255];
    for (const layer of layers.reverse()) background = over(layer, background);
    const foreground = over(parse(getComputedStyle(start).color), background);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((channel) => {
        const value = channel / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}
