// A form for a request, generated from the service's own OpenAPI document: what a head teacher
// fills instead of JSON. Each field is built from its schema (yes/no/unknown answers, closed
// vocabularies as lists, dates as dates, lists of people or images that grow and shrink); the
// form reads a request and writes one back, leaving out what is not set, as docs/json.md allows.
window.RequestForm = (function () {
  'use strict';

  const NOT_SET = '';

  function words(name) {
    const w = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v; else if (v !== undefined && v !== null) e.setAttribute(k, v);
    });
    (children || []).forEach((c) => e.appendChild(c));
    return e;
  }

  function create(openapi, onChange) {
    const schemas = openapi.components.schemas;
    const mapping = schemas.Request.discriminator.mapping;
    const refName = (ref) => ref.substring(ref.lastIndexOf('/') + 1);
    const resolve = (s) => (s && s.$ref ? Object.assign({ name: refName(s.$ref) }, schemas[refName(s.$ref)]) : s || {});

    function select(options, value, id, label) {
      const s = el('select', { id: id, 'aria-label': label, 'data-path': id });
      options.forEach(([v, t]) => {
        const o = el('option', { value: v, text: t });
        if (v === value) o.selected = true;
        s.appendChild(o);
      });
      s.addEventListener('change', onChange);
      return s;
    }

    // Returns {node, get}: get() gives the value to write, or undefined to leave the field out.
    function field(schemaRef, value, path, label) {
      const schema = resolve(schemaRef);
      const id = 'f' + path.replace(/[^A-Za-z0-9]+/g, '-');
      if (schema.name === 'Answer' || (schema.type === 'boolean')) {
        const v = value === true || value === 'YES' ? 'yes' : value === false || value === 'NO' ? 'no' : NOT_SET;
        const s = select([[NOT_SET, schema.name === 'Answer' ? 'not known' : 'not set'], ['yes', 'yes'], ['no', 'no']], v, id, label);
        return { node: s, get: () => (s.value === 'yes' ? true : s.value === 'no' ? false : undefined) };
      }
      if (schema.enum) {
        const s = select([[NOT_SET, 'not set']].concat(schema.enum.map((e) => [e, words(e.toLowerCase().replace(/_([a-z])/g, (m, c) => c.toUpperCase()))])),
          value || NOT_SET, id, label);
        return { node: s, get: () => (s.value === NOT_SET ? undefined : s.value) };
      }
      if (schema.type === 'array') {
        return list(schema, Array.isArray(value) ? value : [], path, label);
      }
      if (schema.type === 'object' || schema.properties) {
        return object(schema, value && typeof value === 'object' ? value : {}, path, label);
      }
      const input = el('input', { id: id, 'aria-label': label, 'data-path': id,
        type: schema.format === 'date' ? 'date' : schema.type === 'integer' || schema.type === 'number' ? 'number' : 'text',
        placeholder: schema.format === 'date-time' ? 'e.g. 2026-11-28T10:00:00Z' : null });
      input.value = value === undefined || value === null ? '' : String(value);
      input.addEventListener('input', onChange);
      return { node: input, get: () => (input.value === '' ? undefined : schema.type === 'integer' ? Number(input.value) : input.value) };
    }

    function object(schema, value, path, label) {
      const required = new Set(schema.required || []);
      const box = el('fieldset', { class: 'object' }, label ? [el('legend', { text: label })] : []);
      const parts = [];
      Object.entries(schema.properties || {}).forEach(([name, prop]) => {
        if (name === 'type' && path === '$') return;
        const f = field(prop, value[name], path + '.' + name, words(name));
        const row = el('div', { class: 'field' }, [el('label', { text: words(name) + (required.has(name) ? ' *' : ''),
          for: f.node.id || null, title: resolve(prop).description || null }), f.node]);
        box.appendChild(row);
        parts.push([name, f]);
      });
      return { node: box, get: () => {
        const out = {};
        parts.forEach(([name, f]) => { const v = f.get(); if (v !== undefined) out[name] = v; });
        return Object.keys(out).length ? out : undefined;
      } };
    }

    function list(schema, values, path, label) {
      const item = resolve(schema.items);
      if (item.enum && schema.uniqueItems) {
        // a set of words: one tick box each
        const box = el('div', { class: 'choices' });
        const ticks = item.enum.map((e) => {
          const c = el('input', { type: 'checkbox', value: e, 'aria-label': label + ' ' + e });
          c.checked = values.includes(e);
          c.addEventListener('change', onChange);
          box.appendChild(el('label', { class: 'choice' }, [c, document.createTextNode(' ' + e)]));
          return c;
        });
        return { node: box, get: () => { const v = ticks.filter((c) => c.checked).map((c) => c.value); return v.length ? v : undefined; } };
      }
      const box = el('div', { class: 'list' });
      const entries = [];
      const singular = label.replace(/s$/, '').toLowerCase();
      const add = el('button', { type: 'button', class: 'add', text: 'Add ' + singular });
      function append(v) {
        const f = field(schema.items, v, path + '[' + entries.length + ']', words(singular) + ' ' + (entries.length + 1));
        const remove = el('button', { type: 'button', class: 'remove', text: 'Remove' });
        const row = el('div', { class: 'entry' }, [f.node, remove]);
        const entry = { f: f, row: row };
        remove.addEventListener('click', () => { entries.splice(entries.indexOf(entry), 1); row.remove(); onChange(); });
        entries.push(entry);
        box.insertBefore(row, add);
      }
      box.appendChild(add);
      values.forEach(append);
      add.addEventListener('click', () => { append(undefined); onChange(); });
      return { node: box, get: () => {
        const v = entries.map((e) => e.f.get()).filter((x) => x !== undefined);
        return v.length ? v : undefined;
      } };
    }

    return {
      types: Object.keys(mapping),
      // Builds the form of a request in `container`; returns a function giving the request back.
      render(container, request) {
        const type = request && mapping[request.type] ? request.type : Object.keys(mapping)[0];
        const f = object(resolve({ $ref: mapping[type] }), request || {}, '$', null);
        container.replaceChildren(f.node);
        return () => Object.assign({ type: type }, f.get() || {});
      },
    };
  }

  return { create: create };
})();
