// The smpolicy playground: pick a sample or a blank request, fill the form (or paste JSON), decide
// it, read the decision in words and answer its questions.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let clauses = {};

  function text(tag, cls, value) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = value;
    return e;
  }

  async function getJson(url) {
    const r = await fetch(url);
    return r.json();
  }

  let form = null;
  let readForm = null;

  // The form and the JSON show one request: each writes the other.
  function showForm(request) {
    if (form) readForm = form.render($('form'), request);
  }

  function fromForm() {
    if (!readForm) return;
    $('request').value = JSON.stringify(readForm(), null, 2);
    clear();
  }

  function fromJson() {
    clear();
    try {
      const r = JSON.parse($('request').value);
      if (r && typeof r === 'object' && !Array.isArray(r)) showForm(r);
    } catch (e) {
      // half-typed JSON: the form keeps the last request that parsed
    }
  }

  function setRequest(request) {
    $('request').value = JSON.stringify(request, null, 2);
    showForm(request);
    clear();
  }

  // The header names whose rules decide: the baseline or the chosen school's.
  async function showStatus(school) {
    const status = await getJson(school ? '/v1/schools/' + encodeURIComponent(school) + '/status' : '/v1/status');
    const catalogue = await getJson(school ? '/v1/schools/' + encodeURIComponent(school) + '/clauses' : '/v1/clauses');
    clauses = {};
    catalogue.table.forEach((c) => { clauses[c.clause] = c; });
    $('title').textContent = 'smpolicy playground' + (school ? ' \u2014 ' + status.profile : '');
    const p = $('policy');
    p.textContent = (school ? status.profile + ': decided by its own rules \u2014 ' : 'Profile: ' + status.profile + ' \u2014 ')
      + status.name + ', ratified ' + status.ratified + ', review due ' + status.reviewDue + ' ';
    const review = text('span', status.overdue ? 'overdue' : 'in-date', status.overdue ? 'OVERDUE for review' : 'within its review date');
    review.id = 'review-status';
    p.appendChild(review);
  }

  async function load() {
    const [samples, openapi] = await Promise.all([getJson('/v1/samples'), getJson('/openapi.json')]);
    form = window.RequestForm.create(openapi, fromForm);
    const select = $('sample');
    Object.keys(samples).forEach((name) => {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = samples[name].type + ': ' + name;
      select.appendChild(o);
    });
    form.types.forEach((t) => {
      const o = document.createElement('option');
      o.value = t;
      o.textContent = t;
      $('blank').appendChild(o);
    });
    const show = () => { $('blank').value = ''; setRequest(samples[select.value]); };
    select.addEventListener('change', show);
    $('blank').addEventListener('change', () => { if ($('blank').value) setRequest({ type: $('blank').value }); });
    const shared = fromFragment();
    if (shared) {
      $('request').value = shared;
      fromJson();
    } else {
      show();
    }
    const [schools, ready] = await Promise.all([getJson('/v1/schools'), getJson('/readyz')]);
    schools.forEach((sc) => {
      const o = document.createElement('option');
      o.value = sc.id;
      o.textContent = sc.profile;
      $('school').appendChild(o);
    });
    // A school that did not load is listed, not hidden: it serves no decisions until it is mended.
    const notServing = Object.entries(ready.schools || {}).filter(([id, st]) => !schools.some((sc) => sc.id === id));
    notServing.forEach(([id, st]) => {
      const o = document.createElement('option');
      o.value = id;
      o.disabled = true;
      o.textContent = id + ' (' + st.status + ')';
      $('school').appendChild(o);
    });
    if (notServing.length) {
      const problems = $('school-problems');
      problems.textContent = notServing.map(([id, st]) => id + ': ' + st.status
        + (typeof st.problems === 'number' ? ', ' + st.problems + ' problem' + (st.problems === 1 ? '' : 's')
          + ' in its profile (smpolicy check on the profile lists them)' : '')).join('; ');
      problems.hidden = false;
    }
    $('school').addEventListener('change', () => { clear(); showStatus($('school').value); });
    $('now').addEventListener('change', clear);
    await showStatus('');
  }

  const OWNERS = {
    SLT: 'The Senior Leadership Team',
    ADMINISTRATOR: 'The account administrator',
    ACCOUNT_RUNNERS: 'The account\'s runners',
    STAFF_MEMBER: 'The member of staff',
  };

  function ukTime(iso) {
    return new Date(iso).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
      hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) + ' (UK time)';
  }

  // The request travels in the URL fragment, base64url-encoded UTF-8: never sent to the server.
  function toFragment(json) {
    const bytes = new TextEncoder().encode(json);
    let bin = '';
    bytes.forEach((b) => { bin += String.fromCharCode(b); });
    return 'request=' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromFragment() {
    const m = /^#request=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (!m) return null;
    try {
      const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
      return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    } catch (e) {
      return null;
    }
  }

  function share() {
    window.location.hash = toFragment($('request').value);
    const link = $('share-link');
    link.value = window.location.href;
    link.hidden = false;
    link.select();
  }

  function render(d) {
    const o = $('outcome');
    o.className = 'outcome ' + d.outcome;
    o.textContent = d.outcome;
    const holds = $('holds');
    if (d.validUntil) {
      const when = new Date(d.validUntil).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
      holds.textContent = 'This answer holds until ' + when + ' (UK time), then ' + d.outcomeThen + '.';
      holds.hidden = false;
    } else {
      holds.textContent = '';
      holds.hidden = true;
    }
    $('decided-by').textContent = 'Decided by ' + (d.profile === 'baseline' ? "the Federation's baseline policy" : d.profile + "'s rules")
      + ' (policy version ' + d.policyVersion + ').';
    const findings = $('findings');
    findings.replaceChildren();
    d.findings.forEach((f) => {
      const li = document.createElement('li');
      li.appendChild(text('span', 'badge', f.outcome));
      li.appendChild(text('span', 'clause', 'Clause ' + f.clauses.join(', ')));
      li.appendChild(document.createTextNode(' '));
      const c = clauses[f.clause];
      if (c) li.appendChild(text('span', 'policy-text', '(' + c.summary + ')'));
      li.appendChild(text('div', 'message', f.message));
      if (f.remedy) li.appendChild(text('div', 'remedy', 'Remedy: ' + f.remedy));
      li.appendChild(text('div', 'rule', 'rule ' + f.rule));
      findings.appendChild(li);
    });
    if (d.findings.length === 0) findings.appendChild(text('li', '', 'none'));
    const obligations = $('obligations');
    obligations.replaceChildren();
    d.obligations.forEach((ob) => {
      const li = document.createElement('li');
      li.appendChild(text('span', 'clause', 'Clause ' + ob.clauses.join(', ')));
      li.appendChild(text('div', 'message', (OWNERS[ob.owner] || ob.owner) + ' must ' + ob.action.toLowerCase().replace(/_/g, ' ')
        + ' by ' + ukTime(ob.due) + ': ' + ob.message));
      obligations.appendChild(li);
    });
    if (d.obligations.length === 0) obligations.appendChild(text('li', '', 'none'));
    const questions = $('questions');
    questions.replaceChildren();
    (d.questions || []).forEach((q) => {
      const li = document.createElement('li');
      ask(li, q, 'The answer that lets it go furthest: ');
      (q.alternatives || []).forEach((a) => {
        const or = text('div', 'alternative', '');
        or.appendChild(text('div', 'remedy', 'Or instead:'));
        ask(or, a, 'Settles it in place of the question above when the answer is: ');
        li.appendChild(or);
      });
      questions.appendChild(li);
    });
    $('if-confirmed').textContent = d.outcomeIfConfirmed ? 'With those answers the decision becomes ' + d.outcomeIfConfirmed + '.' : '';
    $('settle').hidden = !(d.questions && d.questions.length);
  }

  // One question in words, its path, and the buttons that answer it.
  function ask(into, q, lead) {
    into.appendChild(text('div', 'message', q.ask));
    into.appendChild(text('div', 'remedy', lead + (q.answer ? 'yes' : 'no') + (q.forPerson ? ' (a person must answer)' : '')));
    into.appendChild(text('div', 'rule', q.path));
    [true, false].forEach((yes) => {
      const button = text('button', 'answer', yes ? 'Answer yes' : 'Answer no');
      button.type = 'button';
      button.addEventListener('click', () => answer(q, yes));
      into.appendChild(button);
    });
  }

  // Answering a question writes the answer into the request at the question's path, as
  // docs/json.md says (a consent: granted for the account's channel or refused; an age status:
  // adult or under 18; anything else: true or false), and decides again.
  function answer(q, yes) {
    let request;
    try {
      request = JSON.parse($('request').value);
    } catch (e) {
      return;
    }
    const steps = q.path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) || [];
    let at = request;
    for (let i = 0; i < steps.length - 1; i++) {
      const key = /^\d+$/.test(steps[i]) ? Number(steps[i]) : steps[i];
      if (at[key] === undefined || at[key] === null) at[key] = {};
      at = at[key];
    }
    const field = steps[steps.length - 1];
    if (field === 'consent') {
      const channel = (request.account && request.account.channel) || 'SOCIAL_MEDIA';
      at[field] = yes ? { status: 'GRANTED', channels: [channel] } : { status: 'REFUSED' };
    } else if (field === 'ageStatus' || field.endsWith('AgeStatus')) {
      at[field] = yes ? 'ADULT' : 'UNDER_18';
    } else {
      at[field] = yes;
    }
    setRequest(request);
    decide();
  }

  // A decision shown beside a request it was not made for would mislead: every change clears it.
  function clear() {
    $('outcome').className = 'outcome';
    $('outcome').textContent = 'No decision yet.';
    $('holds').hidden = true;
    $('decided-by').textContent = '';
    $('findings').replaceChildren();
    $('obligations').replaceChildren();
    $('questions').replaceChildren();
    $('settle').hidden = true;
    $('error').hidden = true;
  }

  async function decide() {
    const err = $('error');
    err.hidden = true;
    const school = $('school').value;
    const now = $('now').value;
    const url = (school ? '/v1/schools/' + encodeURIComponent(school) + '/decide' : '/v1/decide')
      + (now ? '?at=' + encodeURIComponent(new Date(now).toISOString()) : '');
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: $('request').value });
    const body = await r.json();
    if (!r.ok) {
      clear();
      err.textContent = body.error;
      err.hidden = false;
      $('outcome').textContent = 'Bad request (' + r.status + ')';
      return;
    }
    render(body);
  }

  $('decide').addEventListener('click', decide);
  $('share').addEventListener('click', share);
  $('request').addEventListener('input', fromJson);
  load();
})();
