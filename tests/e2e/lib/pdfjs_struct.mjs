// Prints the structure tree of a PDF as pdf.js (Firefox's PDF engine) reads it, in
// the form of poppler's `pdfinfo -struct-text` (role lines, quoted text under them),
// page by page in document order: the text of each marked-content item from
// getTextContent, a Figure's /Alt as pdf.js reports it.
// usage: node pdfjs_struct.mjs MODULES_DIR FILE.pdf
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [modules, file] = process.argv.slice(2);
const pdfjs = await import(
  pathToFileURL(join(modules, "pdfjs-dist/legacy/build/pdf.mjs")).href);
const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(file)), disableFontFace: true, useSystemFonts: false,
  verbosity: 0,
}).promise;

const out = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tree = await page.getStructTree();
  if (!tree) {
    console.error(`page ${p}: no structure tree`);
    process.exit(1);
  }
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const text = new Map();
  const open = [];
  for (const it of tc.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      open.push(it.id ?? null);
    } else if (it.type === "endMarkedContent") {
      open.pop();
    } else if (typeof it.str === "string") {
      const id = open.findLast((x) => x);
      // pdf.js ends a line with hasEOL instead of the line's last space
      if (id) text.set(id, (text.get(id) ?? "") + it.str + (it.hasEOL ? " " : ""));
    }
  }
  const walk = (node, depth) => {
    if (node.type === "content") {
      if (text.has(node.id)) out.push(`${" ".repeat(depth)}"${text.get(node.id)}"`);
      return;
    }
    if (node.type) return; // annotations, objects
    const role = node.role;
    if (role !== "Root") out.push(`${" ".repeat(depth)}${role}`);
    if (role === "Figure") {
      out.push(`${" ".repeat(depth + 2)}"${node.alt ?? ""}"`);
      return;
    }
    for (const c of node.children ?? []) walk(c, depth + 2);
  };
  walk(tree, 0);
}
console.log(out.join("\n"));
