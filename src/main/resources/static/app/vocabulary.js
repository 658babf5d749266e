// The TAS shorthand drawn on a political map (see the course's political map legend).

export const ROLE_LETTERS = { USER: 'U', EVALUATOR: 'E', DECISION_MAKER: 'D', APPROVER: 'A', SPONSOR: 'S' };
export const ROLES = Object.keys(ROLE_LETTERS);

export const ADAPTABILITY_LETTERS = { INNOVATOR: 'I', VISIONARY: 'V', PRAGMATIST: 'P', CONSERVATIVE: 'C', LAGGARD: 'L' };
export const ADAPTABILITIES = Object.keys(ADAPTABILITY_LETTERS);

export const STATUS_SYMBOLS = { MENTOR: '++', SUPPORTER: '+', NEUTRAL: '=', NON_SUPPORTER: '–', ENEMY: 'X' };
export const STATUSES = Object.keys(STATUS_SYMBOLS);

export const STATUS_COLOURS = {
  MENTOR: '#1b7a3a', SUPPORTER: '#3fa34d', NEUTRAL: '#8a8a8a', NON_SUPPORTER: '#e0702a', ENEMY: '#c0262d',
};
export const NO_STATUS_COLOUR = '#c8c8c8';

export const COVERAGES = ['NONE', 'BRIEF', 'MULTIPLE', 'IN_DEPTH'];
/** How much of a person's box is shaded: the better we cover them, the fuller. */
export const COVERAGE_FILL = { NONE: 0, BRIEF: 33, MULTIPLE: 66, IN_DEPTH: 100 };
export const COVERAGE_SHADE = '#a9cbe8';

export const BAND_NAMES = {
  FORMAL_STRUCTURE: 'Formal Structure', POLITICAL_STRUCTURE: 'Political Structure', INNER_CIRCLE: 'Inner Circle',
};
export const BAND_COLOURS = { FORMAL_STRUCTURE: '#8a8a8a', POLITICAL_STRUCTURE: '#2f6fbd', INNER_CIRCLE: '#c88a00' };

export const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW'];

export function words(constant) {
  return constant ? constant.charAt(0) + constant.slice(1).toLowerCase().replaceAll('_', ' ') : '';
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/**
 * Formatters by currency, made once: the first costs about 25 ms (the locale's data), each later one a fraction of a
 * millisecond, and the accounts and coach pages format an amount per deal.
 */
const moneyFormats = new Map();

export function money(amount, currency) {
  if (amount == null) return '';
  const code = currency || 'USD';
  if (!moneyFormats.has(code)) {
    moneyFormats.set(code,
      new Intl.NumberFormat('en', { style: 'currency', currency: code, maximumFractionDigits: 0 }));
  }
  return moneyFormats.get(code).format(amount);
}
