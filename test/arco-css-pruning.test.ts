import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { dropUnusedArcoVariants } from '../arco-css-pruning';

const root = path.resolve(import.meta.dirname, '..');

async function prune(css: string): Promise<string> {
  return (await postcss([dropUnusedArcoVariants()]).process(css, { from: undefined })).css;
}

async function rendererSource(): Promise<string> {
  const dir = path.join(root, 'renderer', 'src');
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.tsx?$/.test(file));
  return (await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')))).join('\n');
}

describe('the Arco variants left out of the renderer CSS', () => {
  it('drops their selectors, and a rule left with none, and keeps every other', async () => {
    const css = [
      '.arco-btn{color:red}',
      '.arco-btn-rtl{direction:rtl}',
      '.arco-btn-size-mini,.arco-input-size-mini{height:24px}',
      '.arco-tag-magenta,.arco-tag-green{color:green}',
      '.arco-form-item-status-error .arco-input{border-color:red}',
      '.arco-form-item-status-warning .arco-input{border-color:orange}',
      '.app-rtl-looking-but-ours{color:blue}',
    ].join('\n');
    expect(await prune(css)).toBe(
      ['.arco-btn{color:red}', '.arco-btn-size-mini{height:24px}', '.arco-tag-green{color:green}', '.arco-form-item-status-error .arco-input{border-color:red}', '.app-rtl-looking-but-ours{color:blue}'].join('\n'),
    );
  });

  it('are none the renderer asks for: no right-to-left, no other tag colour, step, bar or button kind, no other field status', async () => {
    const source = await rendererSource();
    expect(source).not.toMatch(/\brtl\b/);
    expect(source).not.toMatch(/['"](orangered|gold|lime|cyan|blue|purple|pinkpurple|magenta)['"]/);
    expect(source).not.toMatch(/\btype=["'{]+(dashed|outline|circle|steps|dot|arrow|navigation)\b/);
    expect(source).not.toMatch(/\bshape=/);
    expect(source).not.toMatch(/validateStatus=\{?[^}]*['"](warning|success|validating)['"]/);
    // Large and mini: Button only.
    for (const match of source.matchAll(/<([A-Z][\w.]*)[^<>]*?\bsize=["'](large|mini)["']/g)) expect(match[1]).toBe('Button');
  });
});

describe("the Arco stylesheets the renderer imports (renderer/src/arco.ts)", () => {
  it("are each a component the renderer uses, or whose markup it writes (common/plain-form.tsx), or ConfigProvider's", async () => {
    const source = await rendererSource();
    const used = new Set(['ConfigProvider']);
    for (const match of source.matchAll(/import \{([^}]*)\} from '@arco-design\/web-react';/g)) {
      for (const name of match[1]!.split(',')) used.add(name.replace(/\btype\b/, '').trim());
    }
    const arco = await readFile(path.join(root, 'renderer', 'src', 'arco.ts'), 'utf8');
    const styled = [...arco.matchAll(/@arco-design\/web-react\/es\/(\w+)\/style\//g)].map((match) => match[1]!);
    expect(styled.length).toBeGreaterThan(10);
    const markupWritten = (component: string) => source.includes(`"arco-${component.toLowerCase()} `);
    expect(styled.filter((component) => !used.has(component) && !markupWritten(component))).toEqual([]);
  });
});
