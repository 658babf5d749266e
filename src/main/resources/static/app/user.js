// Who is signed in and what they may do, asked once per page load: pages hide the controls a user may not use.

let current = null;

/** { name, roles, teamMember, admin, canEdit(account), canReview(account) } */
export async function signedInUser() {
  if (!current) {
    current = fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : { name: 'unknown', roles: [], editable: [], all: false }))
      .then(me => ({
        ...me,
        admin: me.roles.includes('ADMIN'),
        readOnly: !me.roles.some(r => r === 'ADMIN' || r === 'REP' || r === 'MANAGER'),
        canEdit: account => me.all || me.editable.includes(account),
        canManage: account => me.all || (me.managed || []).includes(account),
      }));
  }
  return current;
}
