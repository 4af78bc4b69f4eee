// Copies the front-end packages Kansrijk uses from node_modules into
// kansrijk/static/vendor/, so running the site needs no npm and no CDN.
// Run with `npm ci && node scripts/build-static.mjs` (the Makefile does this).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "kansrijk", "static", "vendor");

const files = [
  ["@utrecht/component-library-css/dist/index.css", "utrecht/index.css"],
  ["@utrecht/component-library-css/LICENSE.md", "utrecht/LICENSE.md"],
  ["@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css", "voorbeeld/theme.css"],
  ["@nl-design-system-unstable/voorbeeld-design-tokens/package.json", "voorbeeld/package.json"],
  ["@fontsource/noto-sans/LICENSE", "noto-sans/LICENSE"],
  ["axe-core/axe.min.js", "axe-core/axe.min.js"],
  ["axe-core/LICENSE", "axe-core/LICENSE"],
];

rmSync(out, { recursive: true, force: true });
for (const [from, to] of files) {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(join(modules, from), join(out, to));
}

// Noto Sans: only the Latin subsets, regular and bold, normal and italic.
const fontFaces = [];
for (const weight of [400, 700]) {
  for (const style of ["normal", "italic"]) {
    for (const subset of ["latin", "latin-ext"]) {
      const name = `noto-sans-${subset}-${weight}-${style}.woff2`;
      cpSync(join(modules, "@fontsource/noto-sans/files", name), join(out, "noto-sans", name));
      const css = readFileSync(join(modules, "@fontsource/noto-sans", `${weight}${style === "italic" ? "-italic" : ""}.css`), "utf8");
      const block = css.split("/* ").find((part) => part.startsWith(`noto-sans-${subset}-${weight}-${style} */`));
      fontFaces.push("/* " + block.replace(/url\(\.\/files\/([^)]+)\.woff2\) format\('woff2'\), url\([^)]+\) format\('woff'\)/, "url(./$1.woff2) format('woff2')").trim());
    }
  }
}
writeFileSync(join(out, "noto-sans", "noto-sans.css"), fontFaces.join("\n\n") + "\n");
console.log(`static assets written to ${out}`);
