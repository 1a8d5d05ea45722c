// Demo softphone. It simulates an incoming call; answering sets up a REAL
// WebRTC connection inside the page (two RTCPeerConnections talking to each
// other, no server, no STUN/TURN) so the extension can watch a genuine
// RTCPeerConnection reach "connected". #softphone[data-state] is kept as
// "idle" | "ringing" | "in-call".

const CALLER_NUMBERS = ['+7 912 345-67-89', '+7 903 555-12-34', '+7 921 700-40-05'];
const CONNECT_TIMEOUT_MS = 10000;
const STATUS_TEXT = {
  idle: 'Линия свободна',
  ringing: 'Входящий вызов…',
  'in-call': 'Идёт разговор',
};

const root = document.getElementById('softphone');
const ui = root && {
  status: root.querySelector('[data-field="call-status"]'),
  number: root.querySelector('[data-field="caller-number"]'),
  timer: root.querySelector('[data-field="call-timer"]'),
  error: root.querySelector('[data-field="call-error"]'),
  incomingBtn: document.getElementById('sp-incoming'),
  answerBtn: document.getElementById('sp-answer'),
  hangupBtn: document.getElementById('sp-hangup'),
};

let state = 'idle';
let callerNumber = '';
let callCount = 0;
let link = null; // { pcs, audio, stream, abort } while connecting or in a call
let attempt = 0; // bumped on answer/hang-up so stale async results are ignored
let timerId = 0;
let startedAt = 0;

function render() {
  root.dataset.state = state;
  const connecting = state === 'ringing' && link !== null;
  ui.status.textContent = connecting ? 'Соединение…' : STATUS_TEXT[state];
  ui.number.textContent = state === 'idle' ? '' : callerNumber;
  ui.incomingBtn.disabled = state !== 'idle';
  ui.answerBtn.disabled = state !== 'ringing' || connecting;
  ui.hangupBtn.disabled = state === 'idle';
}

function renderTimer() {
  const sec = startedAt ? Math.floor((Date.now() - startedAt) / 1000) : 0;
  const mm = String(Math.floor(sec / 60)).padStart(2, '0');
  const ss = String(sec % 60).padStart(2, '0');
  ui.timer.textContent = `${mm}:${ss}`;
}

function incoming() {
  if (state !== 'idle') return;
  callerNumber = CALLER_NUMBERS[callCount++ % CALLER_NUMBERS.length];
  ui.error.textContent = '';
  state = 'ringing';
  render();
}

async function answer() {
  if (state !== 'ringing' || link) return;
  const my = ++attempt;
  try {
    link = openLink();
    render();
    await negotiate(link);
    await waitConnected(link.pcs, link.abort.signal);
    if (my !== attempt) return;
    state = 'in-call';
    startedAt = Date.now();
    renderTimer();
    timerId = setInterval(renderTimer, 1000);
    for (const pc of link.pcs) {
      pc.addEventListener('connectionstatechange', () => {
        if (my === attempt && pc.connectionState === 'failed') fail('Связь потеряна, вызов завершён');
      });
    }
    render();
  } catch (err) {
    if (my !== attempt) return;
    console.warn('softphone: connection failed', err);
    const reason = err instanceof RangeError ? err.message : `ошибка WebRTC (${err?.name ? err.name : 'неизвестно'})`;
    fail(`Не удалось соединиться: ${reason}`);
  }
}

function hangup() {
  attempt++;
  if (link) closeLink(link);
  link = null;
  clearInterval(timerId);
  startedAt = 0;
  renderTimer();
  state = 'idle';
  render();
}

function fail(message) {
  hangup();
  ui.error.textContent = message;
}

// --- WebRTC plumbing -------------------------------------------------------

function openLink() {
  if (typeof RTCPeerConnection !== 'function') throw new RangeError('браузер не поддерживает WebRTC');
  // No iceServers on purpose: host candidates only, works offline on localhost.
  const caller = new RTCPeerConnection();
  const operator = new RTCPeerConnection();
  const audio = new AudioContext();
  return { pcs: [caller, operator], audio, stream: null, abort: new AbortController() };
}

async function negotiate(l) {
  const [caller, operator] = l.pcs;
  const flushToOperator = forwardCandidates(caller, operator);
  const flushToCaller = forwardCandidates(operator, caller);

  // Silent audio track: oscillator -> gain 0 -> MediaStream (never to speakers).
  const osc = l.audio.createOscillator();
  const gain = l.audio.createGain();
  gain.gain.value = 0;
  const dest = l.audio.createMediaStreamDestination();
  osc.connect(gain).connect(dest);
  osc.start();
  l.stream = dest.stream;
  for (const track of dest.stream.getAudioTracks()) caller.addTrack(track, dest.stream);

  // Data channel too, created before the offer so it is part of the SDP.
  const channel = caller.createDataChannel('call-info');
  channel.addEventListener('open', () => channel.send(JSON.stringify({ number: callerNumber })));

  const offer = await caller.createOffer();
  await caller.setLocalDescription(offer);
  await operator.setRemoteDescription(offer);
  flushToOperator();
  const reply = await operator.createAnswer();
  await operator.setLocalDescription(reply);
  await caller.setRemoteDescription(reply);
  flushToCaller();
}

// Passes ICE candidates from one side to the other, holding them until the
// receiver has a remote description. Returns the function that flushes them.
function forwardCandidates(from, to) {
  const pending = [];
  const add = (candidate) =>
    to.addIceCandidate(candidate).catch((err) => {
      if (to.signalingState !== 'closed') console.warn('softphone: addIceCandidate failed', err);
    });
  from.addEventListener('icecandidate', (event) => {
    // A null candidate only signals the end of gathering; nothing to forward.
    if (!event.candidate) return;
    if (to.remoteDescription) add(event.candidate);
    else pending.push(event.candidate);
  });
  return () => pending.splice(0).forEach(add);
}

// Resolves when both sides report connectionState "connected".
function waitConnected(pcs, signal) {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => done(new RangeError('превышено время ожидания соединения')), CONNECT_TIMEOUT_MS);
    const check = () => {
      const states = pcs.map((pc) => pc.connectionState);
      if (states.some((s) => s === 'failed' || s === 'closed')) done(new RangeError('соединение отклонено'));
      else if (states.every((s) => s === 'connected')) done(null);
    };
    const onAbort = () => done(new RangeError('вызов отменён'));
    function done(err) {
      clearTimeout(timeout);
      signal.removeEventListener('abort', onAbort);
      for (const pc of pcs) pc.removeEventListener('connectionstatechange', check);
      if (err) reject(err);
      else resolve();
    }
    signal.addEventListener('abort', onAbort);
    for (const pc of pcs) pc.addEventListener('connectionstatechange', check);
    check();
  });
}

function closeLink(l) {
  l.abort.abort();
  for (const pc of l.pcs) pc.close();
  if (l.stream) for (const track of l.stream.getTracks()) track.stop();
  l.audio.close().catch(() => {});
}

if (root) {
  ui.incomingBtn.addEventListener('click', incoming);
  ui.answerBtn.addEventListener('click', answer);
  ui.hangupBtn.addEventListener('click', hangup);
  render();
  // Debugging handle only.
  window.demoSoftphone = { incoming, answer, hangup };
}
