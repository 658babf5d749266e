// The opportunity workspace beside the map: assessment, strategy, plan, review and stages, one section at a time.
import { renderAssessment } from './assessment-view.js';
import { renderStrategy } from './strategy-view.js';
import { renderPlan } from './plan-view.js';
import { renderReview } from './review-view.js';
import { renderStages } from './stages-view.js';
import { reportError } from './page.js';
import { signedInUser } from './user.js';

export const SECTIONS = {
  assessment: ['Assessment', renderAssessment],
  strategy: ['Strategy', renderStrategy],
  plan: ['Plan', renderPlan],
  review: ['Review', renderReview],
  stages: ['Stages', renderStages],
};

export const TABS = `<nav id="workspace-tabs" class="tabs" aria-label="workspace">
  <button type="button" data-section="" class="active">Map</button>
  ${Object.entries(SECTIONS).map(([key, [label]]) => `<button type="button" data-section="${key}">${label}</button>`).join('')}
</nav>`;

/**
 * Wires the tabs of a map page. host: { page, opportunityId, account, map(), printUrl, onMapChanged(), resized() }.
 * The section shows beside the map (in place of the person panel); its name goes in the address so a link opens it.
 */
export async function mountWorkspace(host, initial) {
  const user = await signedInUser();
  const el = host.page.querySelector('#workspace');
  const ctx = {
    opportunityId: host.opportunityId, account: host.account, map: host.map, printUrl: host.printUrl, user,
    canEdit: user.canEdit(host.account), canReview: true, section: null,
    explain: host.explain,
    redraw: async () => {
      await host.onMapChanged?.();
      await show(ctx.section);
    },
  };
  const show = async section => {
    ctx.section = section || null;
    host.page.querySelectorAll('#workspace-tabs button').forEach(b => b.classList.toggle('active', b.dataset.section === (section || '')));
    host.page.classList.toggle('with-workspace', !!section);
    el.hidden = !section;
    // The map's box just got narrower or wider: the canvas must know, or a click lands beside the person aimed at.
    host.resized?.();
    const base = `#/map/${encodeURIComponent(host.opportunityId)}`;
    history.replaceState(null, '', section ? `${base}/${section}` : base);
    if (!section) {
      document.body.dataset.section = 'map';
      return;
    }
    try {
      await SECTIONS[section][1](el, ctx);
      document.body.dataset.section = section;
    } catch (error) {
      reportError(error);
    }
  };
  host.page.querySelectorAll('#workspace-tabs button').forEach(b => b.addEventListener('click', () => show(b.dataset.section)));
  await show(SECTIONS[initial] ? initial : null);
  return ctx;
}
