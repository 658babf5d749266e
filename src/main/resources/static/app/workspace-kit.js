// What the workspace sections share: running a change through the API and reporting it, small form helpers.
import { gql } from './api.js';
import { reportError, say } from './page.js';
import { escapeHtml, words } from './vocabulary.js';

/** User text, isolated so a right-to-left name cannot reorder the words around it. */
export function bdi(text) {
  return `<bdi>${escapeHtml(text ?? '')}</bdi>`;
}

export const blankToNull = value => (value == null || String(value).trim() === '' ? null : value);

export function optionList(values, selected, label = v => words(v), blank = null) {
  const none = blank === null ? '' : `<option value="">${escapeHtml(blank)}</option>`;
  return none + values.map(v => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>`
    + `${escapeHtml(label(v))}</option>`).join('');
}

/**
 * Runs a mutation; on success redraws the section and then says so (the message appears when the page shows the
 * change), on refusal shows the reason and redraws too, so the form shows what is stored again rather than the
 * refused values.
 */
export async function change(ctx, mutation, variables, message) {
  try {
    const data = await gql(mutation, variables);
    await ctx.redraw();
    say(message, 'ok');
    return data;
  } catch (error) {
    reportError(ctx.explain ? ctx.explain(error) : error);
    await ctx.redraw();
    return null;
  }
}

/** Hides every edit control from a user who may only read (a coach): they would only be refused. */
export function readOnly(root, canEdit) {
  if (canEdit) return;
  root.querySelectorAll('[data-edit]').forEach(el => { el.hidden = true; });
  root.querySelectorAll('form:not([data-review]) input, form:not([data-review]) select, form:not([data-review]) textarea')
    .forEach(el => { el.disabled = true; });
}

export function dateOnly(value) {
  return value ? String(value).slice(0, 10) : '';
}
