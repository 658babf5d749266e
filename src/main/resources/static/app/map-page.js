// The political map of one opportunity: draw it, explain a person, highlight the route from our allies, edit it.
import { gql, gqlIfVersion } from './api.js';
import {
  ADAPTABILITIES, ADAPTABILITY_LETTERS, BAND_NAMES, COVERAGES, ROLE_LETTERS, ROLES, STATUSES, STATUS_SYMBOLS,
  escapeHtml, money, words,
} from './vocabulary.js';
import { FOLD_FROM, clearHighlight, drawMap, highlightPath, markCandidates } from './map-view.js';
import { attachNavigation, chainsFolded, drawWholeInstead } from './map-navigation.js';
import { currentFocus, requestMap } from './map-request.js';
import { exportPng, exportSvg } from './export.js';
import { reportError, say, setPage } from './page.js';
import { TABS, mountWorkspace } from './workspace.js';
import { renderRelationshipPlan } from './relationship-plan-view.js';
import { signedInUser } from './user.js';
import { describeChange, watchMap } from './live-map.js';
import { mountWhatIf } from './scenario-mode.js';
import { showActivity } from './activity-panel.js';

const PERSON = `query Person($id: ID!, $o: ID!) {
  stakeholder(id: $id) {
    id key name title department rank influence innerCircle adaptability external placeholder
    businessAgenda personalAgenda notes reportsTo { id name }
    contacts { teamMember { id name } coverage lastContact relationship }
    influenceAnalysis { computedInfluence computedLevel formalLevel band candidate influenceBeyondRank reasons }
  }
  relationshipStrategies(opportunity: $o) {
    stakeholders {
      person { id } strategy posture priority keyPlayer sellThem actions caveats approachNote
    }
  }
}`;

const BEST_ROUTE = `query BestRoute($id: ID!, $o: ID!) {
  relationshipStrategies(opportunity: $o) { allies { person { id name } why } }
  whoCanReach(stakeholder: $id, limit: 50, opportunity: $o) { people { id name } strength description }
}`;

const INNER_CIRCLE = `query InnerCircleNow($a: ID!) {
  innerCircle(account: $a) { analysisVersion stale candidates { person { id } } }
}`;

const MUTATIONS = {
  create: `mutation($input: CreateStakeholderInput!) { createStakeholder(input: $input) { stakeholder { id } } }`,
  update: `mutation($input: UpdateStakeholderInput!) { updateStakeholder(input: $input) { stakeholder { id } } }`,
  reportsTo: `mutation($s: ID!, $m: ID) { setReportsTo(stakeholder: $s, manager: $m) { stakeholder { id } } }`,
  remove: `mutation($id: ID!) { removeStakeholder(id: $id) { removed } }`,
  influence: `mutation($input: InfluenceInput!) { setInfluence(input: $input) { influence { strength } } }`,
  removeInfluence: `mutation($from: ID!, $to: ID!) { removeInfluence(from: $from, to: $to) { removed } }`,
  conflict: `mutation($input: ConflictInput!) { setConflict(input: $input) { conflict { note } } }`,
  removeConflict: `mutation($between: [ID!]!) { removeConflict(between: $between) { removed } }`,
  involvement: `mutation($input: InvolvementInput!) { setInvolvement(input: $input) { involvement { roles } } }`,
  contact: `mutation($input: ContactInput!) { recordContact(input: $input) { contact { coverage } } }`,
};

const LEGEND = `
  <h2>Legend</h2>
  <ul class="legend">
    <li><b>U E D A S</b> buying roles: user, evaluator, decision maker, approver, sponsor</li>
    <li><b>I V P C L</b> adaptability: innovator, visionary, pragmatist, conservative, laggard</li>
    <li><b>++ + = – X</b> our status: mentor, supporter, neutral, non-supporter, enemy (also the border colour)</li>
    <li><span class="swatch coverage"></span> shading: our coverage (none, brief ⅓, multiple ⅔, in depth full)</li>
    <li><span class="swatch confirmed"></span> ★ Inner Circle, confirmed by the rep</li>
    <li><span class="swatch candidate"></span> ☆ Inner Circle candidate, computed from the influence lines</li>
    <li><span class="line reports"></span> reports to &nbsp; <span class="line influence"></span> influences (thicker =
      stronger) &nbsp; <span class="line conflict"></span> conflict</li>
  </ul>
  <p class="muted hint">Click a person for their details, the reasons behind their computed influence, their relationship
    strategy and the best route to them from our allies.</p>`;

const nullIfBlank = value => (value === '' ? null : value);
const intOrNull = value => (value === '' ? null : Number(value));
const slug = name => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64);

function options(values, selected, label = v => v, blank = null) {
  const none = blank === null ? '' : `<option value="">${escapeHtml(blank)}</option>`;
  return none + values.map(v => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>`
    + `${escapeHtml(label(v))}</option>`).join('');
}

class MapPage {
  constructor(opportunityId, section) {
    this.opportunityId = opportunityId;
    this.section = section;
    this.account = opportunityId.split('/')[0];
    this.selected = null;
    this.drawMode = null;
  }

  async start() {
    // The map is asked for at once, alongside who the user is: the first picture waits for one round trip only.
    const focus = currentFocus(this.opportunityId);
    const firstMap = this.fetchMap(focus);
    firstMap.catch(() => {});
    // The first amount formatted loads the locale's data (about 25 ms): done now, while the server works on the map.
    money(0);
    const user = signedInUser();
    this.page = setPage(`
      <div class="map-page-head">
        <div class="map-title"><h1 id="map-title">Political map</h1><span id="map-subtitle" class="muted"></span>
          <span id="inner-circle-note" class="muted" role="status" hidden>☆ being recomputed after the last change</span></div>
        <div class="map-bar">
        ${TABS}
        <div class="toolbar">
          <a id="to-charts" class="button" href="#/charts/${encodeURIComponent(this.opportunityId)}">Charts</a>
          <a id="to-history" class="button" href="#/history/${encodeURIComponent(this.opportunityId)}">History</a>
          <a id="to-plan" class="button" target="_blank" href="${planUrl(this.opportunityId)}">Plan</a>
          <a id="to-plan-pdf" class="button" target="_blank" href="${planUrl(this.opportunityId)}.pdf">Plan PDF</a>
          <button id="add-person">Add person</button>
          <button id="show-activity">Activity</button>
          <button id="clear-path">Clear highlight</button>
          <button id="export-png">Export PNG</button>
          <button id="export-svg">Export SVG</button>
          <button id="print-map">Print</button>
        </div>
        </div>
      </div>
      <div class="map-body">
        <div id="cy" aria-label="political map"></div>
        <button id="toggle-panel" type="button" aria-controls="panel" title="Show or hide the details panel">Details</button>
        <aside id="panel"></aside>
        <section id="workspace" hidden></section>
      </div>`, 'map-page');
    this.user = await user;
    this.canEdit = this.user.canEdit(this.account);
    this.page.classList.toggle('read-only', !this.canEdit);
    this.page.querySelector('#add-person').hidden = !this.canEdit;
    this.panel = this.page.querySelector('#panel');
    this.page.querySelector('#add-person').addEventListener('click', () => this.showAddPerson());
    this.page.querySelector('#clear-path').addEventListener('click', () => clearHighlight(this.cy));
    this.page.querySelector('#export-png').addEventListener('click', () => exportPng(this.cy, this.fileName()));
    this.page.querySelector('#export-svg').addEventListener('click', () => exportSvg(this.cy, this.fileName(), this.title()));
    this.page.querySelector('#print-map').addEventListener('click', () => window.print());
    this.page.querySelector('#toggle-panel').addEventListener('click', () => this.openPanel(
      this.page.classList.contains('panel-closed')));
    this.page.querySelector('#show-activity').addEventListener('click', () => {
      this.openPanel(true);
      showActivity(this.panel, this.account, { canEdit: this.canEdit, onAccepted: () => this.reload() })
        .catch(error => reportError(error));
    });
    await this.reload({ focus, data: firstMap });
    if (!this.page.isConnected) return; // Left before the map was drawn: no socket, no panels for a page gone.
    mountWhatIf({ page: this.page, opportunityId: this.opportunityId, account: this.account, canEdit: this.canEdit,
      map: () => this.map, cy: () => this.cy, reload: () => this.reload() });
    const container = this.page.querySelector('#cy');
    // Another user's change redraws the map. The page's own edit redraws it anyway, after its answer, so a change
    // announced while an edit is under way (often before the edit's answer) is left to that redraw; one announced
    // during a redraw is looked at again once it is done. Two redraws in a row would replace the panel under the
    // rep's hands.
    const stopLive = watchMap(this.account, change => {
      if (!container.isConnected) {
        stopLive();
        return;
      }
      if (this.editing) {
        this.announced = Math.max(this.announced || 0, change.version);
        return;
      }
      (this.reloading || Promise.resolve()).then(() => {
        if (!this.editing && !this.reloading && change.version > this.map.account.version) {
          say(describeChange(change), 'info');
          this.reload().catch(reportError);
        }
      });
    }, update => this.analysisCurrent(update.analysisVersion));
    await mountWorkspace({
      page: this.page, opportunityId: this.opportunityId, account: this.account, map: () => this.map,
      printUrl: planUrl(this.opportunityId), explain: error => this.explain(error), onMapChanged: () => this.reload(),
      resized: () => this.cy?.resize(),
    }, this.section);
  }

  /** The API names items by id; the rep knows them by name. */
  explain(error) {
    const people = new Map((this.map?.people || []).map(p => [p.stakeholder.id, p.stakeholder.name]));
    (this.map?.teamMembers || []).forEach(t => people.set(t.id, t.name));
    const message = String(error.message || error).replace(/'([A-Za-z0-9._:-]+\/[A-Za-z0-9._:-]+)'/g,
      (whole, id) => (people.has(id) ? people.get(id) : whole));
    return new Error(message);
  }

  fileName() {
    return `${this.map.account.key}-${this.map.opportunity.key}-political-map`;
  }

  title() {
    return `${this.map.account.name}: ${this.map.opportunity.name}`;
  }

  fetchMap(focus) {
    return requestMap(this.opportunityId, focus);
  }

  /** Opens (or closes) the details panel; on a small map it always stays open beside the map. */
  openPanel(open) {
    this.page.classList.toggle('panel-closed', !open && this.page.classList.contains('big-map'));
    this.page.querySelector('#toggle-panel').textContent = open ? 'Hide details' : 'Details';
  }

  /** Redraws the map; {@code this.reloading} is set while it runs. */
  reload(prefetched = null) {
    const run = this.redraw(prefetched);
    const done = run.catch(() => {}).then(() => {
      if (this.reloading === done) this.reloading = null;
    });
    this.reloading = done;
    return run;
  }

  async redraw(prefetched) {
    let focus = prefetched ? prefetched.focus : currentFocus(this.opportunityId);
    // A later redraw (the rep chose another focus meanwhile) supersedes this one.
    const run = this.redraws = (this.redraws || 0) + 1;
    // Superseded, or the rep has left this page (another map opened meanwhile): draw nothing, and above all do not
    // make window.politicalMap this page's.
    const abandoned = () => run !== this.redraws || !this.page.isConnected;
    let data = await (prefetched ? prefetched.data : this.fetchMap(focus));
    if (abandoned()) return;
    if (!data.politicalMap) throw new Error(`There is no opportunity ${this.opportunityId}`);
    if (drawWholeInstead(data.politicalMap, focus)) {
      focus = { focus: 'ALL', hops: 0, chosen: false };
      data = await requestMap(this.opportunityId, focus);
      if (abandoned()) return;
    }
    this.map = data.politicalMap;
    const candidates = new Set((data.innerCircle?.candidates || []).map(c => c.person.id));
    const o = this.map.opportunity;
    this.page.querySelector('#map-title').textContent = `${this.map.account.name}: ${o.name}`;
    this.page.querySelector('#map-subtitle').textContent = [words(o.stage), money(o.amount, o.currency),
      o.competitor ? `against ${o.competitor.name}` : '', o.archived ? 'archived (restore it on the Accounts page)' : '']
      .filter(Boolean).join(' · ');
    // Redrawn after an edit (same focus): the boxes stay where they were.
    const sameFocus = this.cy && this.focus && this.focus.focus === focus.focus && this.focus.hops === focus.hops;
    const previous = sameFocus ? Object.fromEntries(this.cy.nodes().map(n => [n.id(), { ...n.position() }])) : null;
    if (this.cy) this.cy.destroy();
    const saved = Object.fromEntries(this.map.positions.map(p => [p.stakeholder, { x: p.x, y: p.y }]));
    const container = this.page.querySelector('#cy');
    const fold = focus.focus === 'DEAL' && chainsFolded(this.opportunityId);
    // A big map takes the whole width; its details panel floats over it, closed until wanted.
    const big = this.map.people.length > FOLD_FROM;
    if (big !== this.page.classList.contains('big-map')) {
      this.page.classList.toggle('big-map', big);
      this.openPanel(!big);
    }
    const cy = await drawMap(container, this.map, candidates, { saved, previous, fold, linesOnDemand: true });
    if (abandoned()) {
      cy.destroy();
      return;
    }
    this.cy = cy;
    this.focus = focus;
    attachNavigation(this.cy, container, {
      opportunityId: this.opportunityId, map: this.map, focus, onError: reportError, reload: () => this.reload(),
    });
    window.politicalMap = this.cy;
    this.cy.on('tap', 'node', event => this.tapPerson(event.target.id()));
    this.cy.on('tap', 'edge', event => this.showLine(event.target));
    this.cy.on('tap', event => {
      if (event.target === this.cy) {
        this.showLegend();
        this.openPanel(false);
      }
    });
    if (this.selected && this.person(this.selected)) {
      this.cy.getElementById(this.selected).select();
      await this.showPerson(this.selected);
    } else {
      this.selected = null;
      this.showLegend();
    }
    document.body.dataset.mapVersion = String(this.map.account.version);
    this.followInnerCircle(data.innerCircle, run).catch(reportError);
  }

  /** The server says the account's analysis is current up to this version (subscription analysisUpdates). */
  analysisCurrent(version) {
    this.analysedVersion = Math.max(this.analysedVersion ?? -1, version);
    document.body.dataset.analysisPushes = String(Number(document.body.dataset.analysisPushes || 0) + 1);
    const waiting = this.analysisWaiters || [];
    this.analysisWaiters = [];
    waiting.forEach(resolve => resolve());
  }

  /** Resolves at the next analysisCurrent, or after `ms` (in case the socket is down). */
  analysisPushOr(ms) {
    return new Promise(resolve => {
      (this.analysisWaiters ||= []).push(resolve);
      setTimeout(resolve, ms);
    });
  }

  /**
   * After a change of people or lines a big map is analysed again in the background, and meanwhile the server
   * answers its previous Inner Circle, marked stale. The page says so and asks again when the server says the
   * analysis is current (or, should that word not come, after a wait that grows), then moves the ☆ marks in
   * place: no redraw, since the rep may be typing in the panel. A newer redraw (an edit, another focus) or leaving
   * the page ends the wait.
   */
  async followInnerCircle(report, run) {
    const note = this.page.querySelector('#inner-circle-note');
    const giveUpAt = Date.now() + 5 * 60_000;
    const version = this.map.account.version;
    let wait = 1000;
    let asked = -1;
    if (report?.stale) {
      document.body.dataset.innerCircleWaits = String(Number(document.body.dataset.innerCircleWaits || 0) + 1);
    }
    while (report?.stale && Date.now() < giveUpAt) {
      note.hidden = false;
      // Told already (the analysis finished before the stale answer arrived): ask at once, once.
      if (!(this.analysedVersion >= version && this.analysedVersion > asked)) {
        await this.analysisPushOr(wait);
        wait = Math.min(wait * 2, 10_000);
      }
      asked = this.analysedVersion ?? -1;
      if (run !== this.redraws || !note.isConnected) return;
      try {
        report = (await gql(INNER_CIRCLE, { a: this.account })).innerCircle;
      } catch (error) {
        continue; // A lost answer: ask again at the next turn.
      }
      if (run !== this.redraws) return;
      if (!report.stale) {
        markCandidates(this.cy, this.map, new Set(report.candidates.map(c => c.person.id)));
        // The open person's influence figures too, unless the rep is at work in the panel.
        if (this.selected && this.person(this.selected) && !this.panel.contains(document.activeElement)) {
          await this.showPerson(this.selected);
        }
      }
    }
    note.hidden = !report?.stale;
    // What the ☆ marks reflect, for tests and for whoever inspects the page.
    document.body.dataset.innerCircleVersion = String(report?.analysisVersion ?? '');
    document.body.dataset.innerCircleStale = String(Boolean(report?.stale));
  }

  person(id) {
    return this.map.people.find(p => p.stakeholder.id === id);
  }

  async edit(mutation, variables, message) {
    this.editing = (this.editing || 0) + 1;
    try {
      await gqlIfVersion(mutation, variables, this.map.account.version);
      say(message, 'ok');
      await this.reload();
      return true;
    } catch (error) {
      reportError(this.explain(error));
      // Show what is stored again, not the refused values.
      if (this.selected && this.person(this.selected)) await this.showPerson(this.selected);
      return false;
    } finally {
      this.editing -= 1;
      // A change announced during the edit that its redraw did not read yet (another user's, committed late).
      if (!this.editing && this.announced > this.map.account.version) this.reload().catch(reportError);
      if (!this.editing) this.announced = 0;
    }
  }

  showLegend() {
    this.selected = null;
    this.drawMode = null;
    this.panel.innerHTML = LEGEND;
  }

  async tapPerson(id) {
    this.openPanel(true);
    if (this.drawMode) {
      const { kind, from, strength } = this.drawMode;
      this.drawMode = null;
      if (from !== id) {
        if (kind === 'influence') {
          await this.edit(MUTATIONS.influence, { input: { from, to: id, strength } }, 'Influence line drawn');
        } else {
          await this.edit(MUTATIONS.conflict, { input: { between: [from, id] } }, 'Conflict line drawn');
        }
        return;
      }
    }
    this.selected = id;
    await this.showPerson(id);
  }

  async showPerson(id) {
    const data = await gql(PERSON, { id, o: this.opportunityId });
    const s = data.stakeholder;
    const drawn = this.person(id);
    const strategy = data.relationshipStrategies.stakeholders.find(x => x.person.id === id);
    const analysis = s.influenceAnalysis;
    const others = this.map.people.map(p => p.stakeholder).filter(p => p.id !== id);
    const name = pid => this.person(pid)?.stakeholder.name || pid;
    const outgoing = this.map.influenceLines.filter(l => l.from.id === id);
    const incoming = this.map.influenceLines.filter(l => l.to.id === id);
    const conflicts = this.map.conflictLines.filter(l => l.between.some(b => b.id === id));
    const lineItem = (label, kind, ids) => `<li>${label} <button class="link remove-line" data-kind="${kind}"
      data-ids="${escapeHtml(ids.join(' '))}" title="remove this line">remove</button></li>`;

    this.panel.innerHTML = `
      <section class="person" data-id="${escapeHtml(id)}">
        <h2 id="person-name"><bdi>${escapeHtml(s.name)}</bdi></h2>
        <p>${escapeHtml(s.title || '')}${s.department ? ` · ${escapeHtml(s.department)}` : ''}
          ${s.external ? ' · external' : ''}${s.placeholder ? ' · placeholder' : ''}</p>
        <dl class="facts">
          <dt>Roles</dt><dd id="person-roles">${drawn.roles.map(words).join(', ') || 'none'}</dd>
          <dt>Status</dt><dd>${drawn.status ? `${words(drawn.status)} (${STATUS_SYMBOLS[drawn.status]})` : 'unknown'}</dd>
          <dt>Adaptability</dt><dd>${s.adaptability ? `${words(s.adaptability)} (${ADAPTABILITY_LETTERS[s.adaptability]})` : 'unknown'}</dd>
          <dt>Coverage</dt><dd>${words(drawn.coverage)}</dd>
          <dt>Rank / judged influence</dt><dd>${s.rank ?? '–'} / ${s.influence ?? '–'}</dd>
          <dt>Reports to</dt><dd>${escapeHtml(s.reportsTo?.name || 'nobody on the map')}</dd>
          <dt>Judged Inner Circle</dt><dd>${s.innerCircle == null ? 'not judged' : s.innerCircle ? 'yes ★' : 'no'}</dd>
        </dl>
        <button id="best-path">Best path from our allies</button>
        <p id="path-result"></p>
        ${s.contacts.length ? `<h3>Our contacts</h3><ul>${s.contacts.map(c => `<li>${escapeHtml(c.teamMember.name)}:
          ${words(c.coverage)}${c.relationship ? `, ${words(c.relationship)}` : ''}${c.lastContact ? `, last ${c.lastContact}` : ''}</li>`).join('')}</ul>` : ''}
        ${s.businessAgenda ? `<p><b>Business agenda:</b> ${escapeHtml(s.businessAgenda)}</p>` : ''}
        ${s.personalAgenda ? `<p><b>Personal agenda:</b> ${escapeHtml(s.personalAgenda)}</p>` : ''}

        <h3>Computed influence</h3>
        ${analysis ? `<p id="computed-influence">Level ${analysis.computedLevel} of 5 (score ${analysis.computedInfluence.toFixed(2)}),
          ${BAND_NAMES[analysis.band]}${analysis.candidate ? ', <b>Inner Circle candidate ☆</b>' : ''}${analysis.influenceBeyondRank > 0
            ? `, ${analysis.influenceBeyondRank} above rank` : ''}</p>
          <ul id="reasons">${analysis.reasons.map(r => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
          : '<p class="muted">No influence lines on the map yet.</p>'}

        <h3>Relationship strategy</h3>
        ${strategy ? `<div id="strategy"><p><b>${words(strategy.strategy)}</b> (${words(strategy.posture)}), priority
          ${words(strategy.priority)}${strategy.keyPlayer ? ', key player' : ''}</p>
          ${strategy.sellThem ? `<p>Sell them: ${escapeHtml(strategy.sellThem)}</p>` : ''}
          <ul>${strategy.actions.map(a => `<li>${escapeHtml(a)}</li>`).join('')}</ul>
          ${strategy.caveats.length ? `<p class="muted">Caveats: ${strategy.caveats.map(escapeHtml).join('; ')}</p>` : ''}
          ${strategy.approachNote ? `<p>${escapeHtml(strategy.approachNote)}</p>` : ''}</div>`
          : '<p class="muted">Not involved in this opportunity.</p>'}
        <div id="relationship-plan"></div>

        <details class="edit" open>
          <summary>Edit</summary>
          <form id="edit-person">
            <label>Name <input name="name" required value="${escapeHtml(s.name)}"></label>
            <label>Title <input name="title" value="${escapeHtml(s.title || '')}"></label>
            <label>Department <input name="department" value="${escapeHtml(s.department || '')}"></label>
            <label>Reports to <select name="reportsTo">${options(others.map(p => p.id), s.reportsTo?.id, name, 'nobody')}</select></label>
            <label>Rank <select name="rank">${options(['1', '2', '3', '4', '5'], s.rank == null ? null : String(s.rank), v => v, '–')}</select></label>
            <label>Judged influence <select name="influence">${options(['1', '2', '3', '4', '5'], s.influence == null ? null : String(s.influence), v => v, '–')}</select></label>
            <label>Adaptability <select name="adaptability">${options(ADAPTABILITIES, s.adaptability, words, 'unknown')}</select></label>
            <label>Inner Circle <select name="innerCircle">${options(['true', 'false'], s.innerCircle == null ? null : String(s.innerCircle), v => (v === 'true' ? 'yes' : 'no'), 'not judged')}</select></label>
            <button type="submit">Save person</button>
          </form>
          <form id="edit-involvement">
            <fieldset><legend>Buying roles</legend>${ROLES.map(r => `<label class="check"><input type="checkbox" name="role"
              value="${r}"${drawn.roles.includes(r) ? ' checked' : ''}> ${ROLE_LETTERS[r]} ${words(r)}</label>`).join('')}</fieldset>
            <label>Status <select name="status">${options(STATUSES, drawn.status, v => `${STATUS_SYMBOLS[v]} ${words(v)}`, 'unknown')}</select></label>
            <button type="submit">Save roles and status</button>
          </form>
          <form id="edit-coverage">
            <label>Team member <select name="teamMember">${options(this.map.teamMembers.map(t => t.id), null, tid => this.map.teamMembers.find(t => t.id === tid).name)}</select></label>
            <label>Coverage <select name="coverage">${options(COVERAGES, drawn.coverage, words)}</select></label>
            <label>Last contact <input type="date" name="lastContact"></label>
            <button type="submit">Record contact</button>
          </form>
          <h4>Lines</h4>
          <ul id="lines">
            ${outgoing.map(l => lineItem(`influences ${escapeHtml(name(l.to.id))} (${l.strength})`, 'influence', [id, l.to.id])).join('')}
            ${incoming.map(l => lineItem(`influenced by ${escapeHtml(name(l.from.id))} (${l.strength})`, 'influence', [l.from.id, id])).join('')}
            ${conflicts.map(l => lineItem(`in conflict with ${escapeHtml(name(l.between.find(b => b.id !== id)?.id))}`, 'conflict', l.between.map(b => b.id))).join('')}
          </ul>
          <form id="add-influence">
            <label>Influences <select name="to">${options(others.map(p => p.id), null, name)}</select></label>
            <label>Strength <select name="strength">${options(['1', '2', '3'], '2', v => ({ 1: 'weak', 2: 'medium', 3: 'strong' }[v]))}</select></label>
            <button type="submit">Draw influence</button>
            <button type="button" id="draw-influence" title="then click the person they influence">… or click a person</button>
          </form>
          <form id="add-conflict">
            <label>In conflict with <select name="with">${options(others.map(p => p.id), null, name)}</select></label>
            <button type="submit">Draw conflict</button>
            <button type="button" id="draw-conflict" title="then click the other person">… or click a person</button>
          </form>
          <button id="remove-person" class="danger">Remove ${escapeHtml(s.name)} from the map</button>
        </details>
      </section>`;
    if (!this.canEdit) this.panel.querySelectorAll('details.edit').forEach(d => d.remove());
    else this.wirePersonPanel(s, drawn);
    await renderRelationshipPlan(this.panel.querySelector('#relationship-plan'), {
      opportunityId: this.opportunityId, person: s, computed: strategy?.strategy, teamMembers: this.map.teamMembers,
      canEdit: this.canEdit, explain: error => this.explain(error), redraw: () => this.showPerson(id),
    });
  }

  wirePersonPanel(s, drawn) {
    const id = s.id;
    const form = selector => this.panel.querySelector(selector);
    form('#best-path').addEventListener('click', () => this.showBestRoute(id));
    form('#edit-person').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      const input = {
        id, name: f.get('name'), title: nullIfBlank(f.get('title')), department: nullIfBlank(f.get('department')),
        rank: intOrNull(f.get('rank')), influence: intOrNull(f.get('influence')),
        adaptability: nullIfBlank(f.get('adaptability')),
        innerCircle: f.get('innerCircle') === '' ? null : f.get('innerCircle') === 'true',
      };
      const manager = nullIfBlank(f.get('reportsTo'));
      if (manager !== (s.reportsTo?.id || null)) {
        if (!await this.edit(MUTATIONS.reportsTo, { s: id, m: manager }, 'Reporting line saved')) return;
      }
      await this.edit(MUTATIONS.update, { input }, `${input.name} saved`);
    });
    form('#edit-involvement').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      const input = { opportunity: this.opportunityId, stakeholder: id, roles: f.getAll('role'), status: nullIfBlank(f.get('status')) };
      await this.edit(MUTATIONS.involvement, { input }, 'Roles and status saved');
    });
    form('#edit-coverage').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      const input = { teamMember: f.get('teamMember'), stakeholder: id, coverage: f.get('coverage'), lastContact: nullIfBlank(f.get('lastContact')) };
      await this.edit(MUTATIONS.contact, { input }, 'Contact recorded');
    });
    form('#add-influence').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      await this.edit(MUTATIONS.influence, { input: { from: id, to: f.get('to'), strength: Number(f.get('strength')) } }, 'Influence line drawn');
    });
    form('#add-conflict').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      await this.edit(MUTATIONS.conflict, { input: { between: [id, f.get('with')] } }, 'Conflict line drawn');
    });
    form('#draw-influence').addEventListener('click', () => {
      this.drawMode = { kind: 'influence', from: id, strength: Number(new FormData(form('#add-influence')).get('strength')) };
      say(`Click the person ${drawn.stakeholder.name} influences`);
    });
    form('#draw-conflict').addEventListener('click', () => {
      this.drawMode = { kind: 'conflict', from: id };
      say(`Click the person ${drawn.stakeholder.name} is in conflict with`);
    });
    this.panel.querySelectorAll('.remove-line').forEach(button => button.addEventListener('click', () => {
      const ids = button.dataset.ids.split(' ');
      if (button.dataset.kind === 'influence') {
        this.edit(MUTATIONS.removeInfluence, { from: ids[0], to: ids[1] }, 'Influence line removed');
      } else {
        this.edit(MUTATIONS.removeConflict, { between: ids }, 'Conflict line removed');
      }
    }));
    form('#remove-person').addEventListener('click', async () => {
      if (!window.confirm(`Remove ${s.name} with their lines, contacts and roles?`)) return;
      this.selected = null;
      await this.edit(MUTATIONS.remove, { id }, `${s.name} removed`);
    });
  }

  /** The strongest route to the person that starts with one of our allies (never along a conflict line). */
  async showBestRoute(id) {
    const data = await gql(BEST_ROUTE, { id, o: this.opportunityId });
    const allies = new Set(data.relationshipStrategies.allies.map(a => a.person.id));
    const result = this.panel.querySelector('#path-result');
    if (allies.has(id)) {
      highlightPath(this.cy, [id]);
      result.textContent = `${this.person(id).stakeholder.name} is one of our allies.`;
      return;
    }
    const route = data.whoCanReach.find(path => allies.has(path.people[0].id));
    if (!route) {
      clearHighlight(this.cy);
      result.textContent = 'None of our allies can reach this person through the influence lines drawn.';
      return;
    }
    highlightPath(this.cy, route.people.map(p => p.id));
    result.textContent = `Best path: ${route.people.map(p => p.name).join(' → ')} (strength ${route.strength.toFixed(2)})`;
    result.scrollIntoView({ block: 'nearest' });
  }

  showLine(edge) {
    this.openPanel(true);
    const d = edge.data();
    const name = pid => this.person(pid)?.stakeholder.name || pid;
    const what = d.kind === 'reports' ? `${name(d.target)} reports to ${name(d.source)}`
      : d.kind === 'influence' ? `${name(d.source)} influences ${name(d.target)} (strength ${d.strength})`
        : `${name(d.source)} and ${name(d.target)} are in conflict`;
    // A reader (a coach) gets no control that would only be refused.
    this.panel.innerHTML = `<h2>Line</h2><p id="line-text"><bdi>${escapeHtml(what)}</bdi></p>
      ${d.note ? `<p class="muted"><bdi>${escapeHtml(d.note)}</bdi></p>` : ''}${this.canEdit
        ? '<button id="remove-this-line" class="danger">Remove this line</button>' : ''}`;
    this.panel.querySelector('#remove-this-line')?.addEventListener('click', () => {
      if (d.kind === 'reports') this.edit(MUTATIONS.reportsTo, { s: d.target, m: null }, 'Reporting line removed');
      else if (d.kind === 'influence') this.edit(MUTATIONS.removeInfluence, { from: d.source, to: d.target }, 'Influence line removed');
      else this.edit(MUTATIONS.removeConflict, { between: [d.source, d.target] }, 'Conflict line removed');
    });
  }

  showAddPerson() {
    this.openPanel(true);
    this.selected = null;
    const people = this.map.people.map(p => p.stakeholder);
    this.panel.innerHTML = `<h2>Add a person</h2>
      <form id="add-person-form">
        <label>Name <input name="name" required></label>
        <label>Key <input name="key" placeholder="from the name" pattern="[A-Za-z0-9._:\\-]{1,64}"></label>
        <label>Title <input name="title"></label>
        <label>Department <input name="department"></label>
        <label>Reports to <select name="reportsTo">${options(people.map(p => p.id), null, pid => this.person(pid).stakeholder.name, 'nobody')}</select></label>
        <label>Rank <select name="rank">${options(['1', '2', '3', '4', '5'], null, v => v, '–')}</select></label>
        <label>Adaptability <select name="adaptability">${options(ADAPTABILITIES, null, words, 'unknown')}</select></label>
        <label class="check"><input type="checkbox" name="external"> external (consultant, partner)</label>
        <button type="submit">Add to the map</button>
      </form>`;
    this.panel.querySelector('#add-person-form').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      const key = f.get('key') || slug(f.get('name'));
      const input = {
        account: this.account, key, name: f.get('name'), title: nullIfBlank(f.get('title')),
        department: nullIfBlank(f.get('department')), reportsTo: nullIfBlank(f.get('reportsTo')),
        rank: intOrNull(f.get('rank')), adaptability: nullIfBlank(f.get('adaptability')), external: f.get('external') === 'on',
      };
      this.selected = `${this.account}/${key}`;
      if (!await this.edit(MUTATIONS.create, { input }, `${input.name} added`)) this.selected = null;
    });
  }
}

export async function showMap(opportunityId, section) {
  await new MapPage(opportunityId, section).start();
}

// The printable opportunity plan is served by the app itself (HTML and the same page as PDF).
function planUrl(opportunityId) {
  const [account, key] = opportunityId.split('/');
  return `/opportunities/${encodeURIComponent(account)}/${encodeURIComponent(key)}/plan`;
}
