// Start or refresh an account's people from a CRM contacts export (CSV): a dry run first, then the import.
// Uses the app's REST endpoint (POST /api/accounts/{account}/imports/contacts), which takes the file as an upload.
import { csrfHeaders } from './api.js';
import { escapeHtml } from './vocabulary.js';

export const CRM_FORM = `
  <section class="card" id="crm-import">
    <h2>Import contacts from a CRM export</h2>
    <p class="muted">A Salesforce contacts export (Id, FirstName, LastName, Title, Department, ReportsToId, Email,
      AccountId, Account Name), UTF-8, "," or ";". A re-import updates names, titles, departments, e-mails and
      reporting lines, and never touches what you drew; people missing from the file are flagged, not deleted.</p>
    <form id="crm-import-form">
      <label>Account key <input name="account" required pattern="[a-z0-9][a-z0-9-]*" placeholder="globex"></label>
      <label>CRM account id <input name="crmAccount" placeholder="only if the file holds several accounts"></label>
      <label>File <input name="file" type="file" accept=".csv,text/csv" required></label>
      <button type="submit" name="dryRun" value="true" id="crm-dry-run">Dry run</button>
      <button type="submit" name="dryRun" value="false" id="crm-import-now">Import</button>
    </form>
    <div id="crm-import-result" aria-live="polite"></div>
  </section>`;

/** Wires the form; onImported runs after a real import so the page can show the new or changed account. */
export function wireCrmImport(page, onImported) {
  const form = page.querySelector('#crm-import-form');
  const result = page.querySelector('#crm-import-result');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const dryRun = event.submitter?.value !== 'false';
    const account = form.account.value.trim();
    const upload = new FormData();
    upload.append('file', form.file.files[0]);
    const params = new URLSearchParams({ dryRun: String(dryRun) });
    if (form.crmAccount.value.trim()) params.set('crmAccount', form.crmAccount.value.trim());
    result.textContent = dryRun ? 'Checking the file…' : 'Importing…';
    try {
      const response = await fetch(`/api/accounts/${encodeURIComponent(account)}/imports/contacts?${params}`, {
        method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeaders() },
        body: upload,
      });
      const type = response.headers.get('Content-Type') || '';
      const report = type.includes('json') ? await response.json() : { message: await response.text() };
      result.innerHTML = describe(response.status, report, dryRun);
      if (response.ok && !dryRun && onImported) await onImported(account);
    } catch (error) {
      result.innerHTML = `<p class="error">${escapeHtml(error.message || String(error))}</p>`;
    }
  });
}

function describe(status, report, dryRun) {
  if (report.created === undefined) {
    return `<p class="error">Refused (${status}): ${escapeHtml(report.message || report.reason || report.error || '')}</p>`;
  }
  const verb = dryRun ? 'would be' : report.applied ? 'were' : 'would have been';
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, `
    + `${report.notInImport} not in this import`;
  const problems = (report.problems || []).map(p => `<tr class="severity-${escapeHtml((p.severity || '').toLowerCase())}">
      <td>${p.line ?? ''}</td><td>${escapeHtml(p.column || '')}</td><td>${escapeHtml(p.value ?? '')}</td>
      <td>${escapeHtml(p.reason || '')}</td></tr>`).join('');
  const heading = status === 422 ? '<p class="error">Nothing was imported: the file has wrong rows.</p>'
    : `<p id="crm-import-counts">People ${verb}: ${counts}.${report.version ? ` Account version ${report.version}.` : ''}</p>`;
  return heading + (problems ? `<table class="problems"><thead><tr><th>Line</th><th>Column</th><th>Value</th>
      <th>Reason</th></tr></thead><tbody>${problems}</tbody></table>` : '');
}
