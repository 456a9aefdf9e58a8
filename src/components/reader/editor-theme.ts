/**
 * The query editor in the page's colours, light or dark as the reader's system asks: syntax colours
 * from Framework's --syntax-* variables (each scheme's own, all at 4.5:1 or more on its page), and
 * CodeMirror's own chrome (gutters, cursor, selection, tooltips, panels) switched to its dark variant
 * while prefers-color-scheme is dark.
 */
import {HighlightStyle, syntaxHighlighting} from "npm:@codemirror/language";
import {Compartment, type Extension} from "npm:@codemirror/state";
import {EditorView} from "npm:@codemirror/view";
import {tags as t} from "npm:@lezer/highlight";

const highlight = HighlightStyle.define([
  {tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword, t.definitionKeyword], color: "var(--syntax-keyword)"},
  {tag: [t.string, t.special(t.string), t.regexp], color: "var(--syntax-string)"},
  {tag: [t.number, t.bool, t.null, t.atom, t.literal], color: "var(--syntax-constant)"},
  {tag: [t.typeName, t.className, t.standard(t.name), t.function(t.variableName)], color: "var(--syntax-entity)"},
  {tag: [t.comment, t.lineComment, t.blockComment], color: "var(--syntax-comment)", fontStyle: "italic"},
  {tag: t.invalid, color: "var(--syntax-keyword)", textDecoration: "underline wavy"}
]);

const chrome = EditorView.theme({
  "&": {color: "var(--theme-foreground)", backgroundColor: "var(--theme-background)"},
  ".cm-content": {caretColor: "var(--theme-foreground)"},
  ".cm-cursor, .cm-dropCursor": {borderLeftColor: "var(--theme-foreground)"}
});

/** The editor's colour extensions for a window; they follow its prefers-color-scheme as it changes. */
export function editorColours(window: Window | null | undefined): {extensions: Extension[]; attach(view: EditorView): void} {
  const scheme = new Compartment();
  const query = typeof window?.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const dark = () => EditorView.darkTheme.of(query?.matches ?? false);
  return {
    extensions: [syntaxHighlighting(highlight), chrome, scheme.of(dark())],
    attach(view) {
      query?.addEventListener?.("change", () => {
        if (view.dom.isConnected || view.dom.ownerDocument) view.dispatch({effects: scheme.reconfigure(dark())});
      });
    }
  };
}
