// StowCell operator HMI. Live state arrives as server-sent events (EventSource reconnects by itself); nothing polls.
// Acknowledgements are queued in localStorage and re-sent whenever the stream (re)opens, so one given while the host is
// away is not lost. Every permission is checked by the server; the page only hides what the role cannot use.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const QUEUE = 'stowcell.hmi.acks';
  let es = null;
  let me = null;
  let last = null;

  const queued = () => JSON.parse(localStorage.getItem(QUEUE) || '[]');
  const setQueued = (ids) => localStorage.setItem(QUEUE, JSON.stringify(ids));
  const time = (iso) => new Date(iso).toLocaleTimeString([], { hour12: false });
  const pct = (x) => (100 * x).toFixed(0) + ' %';
  // Catalogue ids can be 32 hex digits: shown as their first six (the full id is in the tooltip and the journal).
  const short = (s) => String(s).replace(/\b([0-9a-f]{6})[0-9a-f]{10,}/g, '$1…');
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  function showLogin(message) {
    if (es) { es.close(); es = null; }
    $('main').hidden = true;
    $('login').hidden = false;
    $('banner').hidden = true;
    $('login-error').textContent = message || '';
  }

  function showMain(user) {
    me = user;
    $('login').hidden = true;
    $('main').hidden = false;
    $('who').textContent = `${user.user} (${user.role})`;
    $('supervisor').hidden = user.role !== 'Supervisor';
    connect();
  }

  function connect() {
    if (es) es.close();
    es = new EventSource('/api/events');
    es.addEventListener('state', (e) => render(JSON.parse(e.data)));
    es.onopen = () => { $('banner').hidden = true; document.body.dataset.connected = 'true'; flushAcks(); };
    es.onerror = () => {
      $('banner').hidden = false;
      document.body.dataset.connected = 'false';
      if (es.readyState === EventSource.CLOSED) {
        // The server answered with an error (e.g. 401 after a logout elsewhere): check the login, then try again.
        setTimeout(async () => {
          try {
            const r = await fetch('/api/me');
            if (r.status === 401) { showLogin('Please log in again.'); return; }
          } catch (_) { /* still away */ }
          if (me) connect();
        }, 1000);
      }
    };
  }

  // Sends the queued acknowledgements; one pass at a time. A 503 (the restarted host has not attached its shift yet)
  // keeps them queued: the next snapshot that shows a shift attached sends them again.
  let flushing = false;
  let flushedAt = -1;
  async function flushAcks() {
    if (flushing) return;
    flushing = true;
    try { await sendAcks(); } finally { flushing = false; }
    if (last) render(last);
  }

  async function sendAcks() {
    for (const id of queued()) {
      let r;
      try {
        r = await fetch(`/api/prompts/${encodeURIComponent(id)}/ack`, { method: 'POST' });
      } catch (_) {
        return; // host away: keep the queue, the next open sends it
      }
      if (r.status === 401) { showLogin('Please log in again: your acknowledgements are kept.'); return; }
      if (r.ok || r.status === 404) setQueued(queued().filter((x) => x !== id)); // done, or acknowledged elsewhere
    }
  }

  function acknowledge(id) {
    if (!queued().includes(id)) setQueued([...queued(), id]);
    if (last) render(last);
    flushAcks();
  }

  async function command(cmd) {
    $('cmd-result').textContent = `${cmd}…`;
    try {
      const r = await fetch(`/api/packml/${cmd}`, { method: 'POST' });
      const body = await r.json().catch(() => ({}));
      $('cmd-result').textContent = r.ok ? `${cmd}: now ${body.state}` : `${cmd} refused (${r.status}): ${body.error || ''}`;
    } catch (_) {
      $('cmd-result').textContent = `${cmd} not sent: disconnected`;
    }
  }

  function render(s) {
    last = s;
    if (s.attached && queued().length > 0 && flushedAt !== s.version) { flushedAt = s.version; flushAcks(); }
    const st = $('state');
    st.textContent = s.state;
    st.dataset.state = s.state;
    $('mode').textContent = s.mode;
    $('since').textContent = time(s.stateSince);
    const f = s.figures;
    $('uph').textContent = f.uph.toFixed(0);
    $('stowed').textContent = `${f.stowed} / ${f.inducted}`;
    $('exceptions').textContent = f.exceptions;
    $('pods').textContent = f.pods;
    renderPod(s.pod);
    const w = s.stow;
    $('stow').innerHTML = w
      ? `<div title="${esc(w.item)}"><span class="label">Item</span> ${esc(short(w.item))} <span class="dim">${esc(w.itemName)}</span></div>
         <div><span class="label">Bin</span> <b>${esc(w.bin)}</b> <span class="label">Chain</span> ${esc(w.chain)}</div>
         <div><span class="label">Predicted P</span> <span class="p">${w.predictedP.toFixed(3)}</span> <span class="dim">${w.active ? 'under way' : 'done'}</span></div>`
      : 'none yet';
    renderPrompts(s.prompts);
    $('alarms').innerHTML = s.alarms.length === 0
      ? '<li class="none dim" style="background:none">none active</li>'
      : s.alarms.map((a) => `<li class="${esc(a.severity)}"><span class="time">${time(a.since)}</span>${esc(a.text)}</li>`).join('');
    renderFrame(s.frame);
    for (const b of document.querySelectorAll('[data-cmd]')) b.disabled = !s.allowedCommands.includes(b.dataset.cmd);
  }

  function renderPod(pod) {
    if (!pod) { $('pod').innerHTML = '<p class="dim">no pod at the face</p>'; $('pod-id').textContent = '–'; $('pod-fill').textContent = ''; return; }
    $('pod-id').textContent = pod.id;
    $('pod-fill').textContent = `${pod.type}, ${pct(pod.fill)} full`;
    $('pod').innerHTML = pod.rows.map((row) => `<div class="row">${row.map((b) =>
      `<div class="bin${b.stowing ? ' stowing' : ''}${b.blocked ? ' blocked' : ''}" style="flex:${b.width}" data-bin="${esc(b.id)}" title="${esc(b.id)}">
         <div class="fill" style="height:${b.fill == null ? 0 : (100 * b.fill).toFixed(0)}%"></div><span class="id">${esc(b.id)}</span></div>`).join('')}</div>`).join('');
  }

  function renderPrompts(prompts) {
    const q = queued();
    $('prompt-count').textContent = prompts.length;
    $('prompt-count').classList.toggle('some', prompts.length > 0);
    $('prompts').innerHTML = prompts.length === 0 ? '<p class="dim">nothing to do</p>' : prompts.map((p) => {
      const waiting = q.includes(p.id);
      return `<div class="prompt ${esc(p.kind)}${waiting ? ' queued' : ''}" data-prompt="${esc(p.id)}" data-kind="${esc(p.kind)}">
        <h3>${esc(p.title)}</h3><p title="${esc(p.text)}">${esc(short(p.text))}</p><p class="dim">issued ${time(p.issuedAt)}</p>
        <button data-ack="${esc(p.id)}"${waiting ? ' disabled' : ''}>${waiting ? 'Acknowledged, sending…' : 'Acknowledge'}</button></div>`;
    }).join('');
  }

  function renderFrame(frame) {
    const cam = $('camera');
    if (!frame) { cam.innerHTML = '<p class="dim">no camera frame yet</p>'; $('frame-bin').textContent = ''; $('frame-label').textContent = ''; delete cam.dataset.seq; return; }
    if (cam.dataset.seq === String(frame.seq)) return;
    cam.dataset.seq = frame.seq;
    $('frame-bin').textContent = `bin ${frame.bin}`;
    $('frame-label').textContent = frame.label;
    // The overlay (band mask, bin outline, free box) is drawn into the image by the server.
    cam.innerHTML = `<img alt="camera frame of bin ${esc(frame.bin)}" src="/api/frame.png?seq=${frame.seq}">`;
  }

  document.addEventListener('click', (e) => {
    const ack = e.target.closest('[data-ack]');
    if (ack) { acknowledge(ack.dataset.ack); return; }
    const cmd = e.target.closest('[data-cmd]');
    if (cmd) command(cmd.dataset.cmd);
  });

  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: $('user').value, password: $('password').value }) });
      if (!r.ok) {
        const body = await r.json().catch(() => ({}));
        $('login-error').textContent = r.status === 401 ? 'Wrong user name or password.' : (body.error || `The cell refused the login (${r.status}).`);
        return;
      }
      $('password').value = '';
      showMain(await r.json());
    } catch (_) {
      $('login-error').textContent = 'The cell does not answer: is the host running?';
    }
  });

  $('logout').addEventListener('click', async () => {
    try { await fetch('/api/logout', { method: 'POST' }); } catch (_) { /* ignore */ }
    me = null;
    showLogin('');
  });

  (async () => {
    try {
      const r = await fetch('/api/me');
      if (r.ok) { showMain(await r.json()); return; }
    } catch (_) { /* host away */ }
    showLogin('');
  })();
})();
