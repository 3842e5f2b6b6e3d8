// The smpolicy playground: pick a sample or paste a request, decide it, read the decision.
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

  async function load() {
    const [status, catalogue, samples] = await Promise.all([getJson('/v1/status'), getJson('/v1/clauses'), getJson('/v1/samples')]);
    catalogue.forEach((c) => { clauses[c.id] = c; });
    const p = $('policy');
    p.textContent = 'Profile: ' + status.profile + ' \u2014 ' + status.name + ', ratified ' + status.ratified + ', review due ' + status.reviewDue + ' ';
    const review = text('span', status.overdue ? 'overdue' : 'in-date', status.overdue ? 'OVERDUE for review' : 'within its review date');
    review.id = 'review-status';
    p.appendChild(review);
    const select = $('sample');
    Object.keys(samples).forEach((name) => {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = samples[name].type + ': ' + name;
      select.appendChild(o);
    });
    const show = () => { $('request').value = JSON.stringify(samples[select.value], null, 2); clear(); };
    select.addEventListener('change', show);
    show();
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
      li.appendChild(text('div', 'message', ob.owner + ' must ' + ob.action + ' by ' + ob.due + ': ' + ob.message));
      obligations.appendChild(li);
    });
    if (d.obligations.length === 0) obligations.appendChild(text('li', '', 'none'));
  }

  // A decision shown beside a request it was not made for would mislead: every change clears it.
  function clear() {
    $('outcome').className = 'outcome';
    $('outcome').textContent = 'No decision yet.';
    $('holds').hidden = true;
    $('findings').replaceChildren();
    $('obligations').replaceChildren();
    $('error').hidden = true;
  }

  async function decide() {
    const err = $('error');
    err.hidden = true;
    const r = await fetch('/v1/decide', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: $('request').value });
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
  $('request').addEventListener('input', clear);
  load();
})();
