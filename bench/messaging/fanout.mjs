// The messaging benchmark's client: N sockets spread over R conversations (round robin; R = 1 is one
// conversation fanned out to every socket), M messages sent at a fixed rate, each to the next conversation in
// turn; every socket measures each message's latency (send -> receive, one process, one clock) and checks that
// it got every message of its conversation once and in order.
//   node fanout.mjs stomp <baseUrl> <token> <conversationId,...> <sockets> <messages> <perSecond> [<secondBaseUrl>]
//   node fanout.mjs bare  <baseUrl> -       <rooms>              <sockets> <messages> <perSecond>
// With a second base URL, every other socket connects to that node (messages are still sent to the first).
import { Client } from "@stomp/stompjs";
import WebSocket from "ws";

const [mode, base, token, conversationsArg, socketsArg, messagesArg, rateArg, second] = process.argv.slice(2);
const SOCKETS = Number(socketsArg), MESSAGES = Number(messagesArg), RATE = Number(rateArg);
const conversations = mode === "stomp" ? conversationsArg.split(",") : [];
const ROOMS = mode === "stomp" ? conversations.length : conversationsArg === "-" ? 1 : Number(conversationsArg);
const roomOf = (i) => i % ROOMS;
// a socket's share of the messages: message n goes to room (n - 1) % ROOMS
const roomSockets = (r) => Math.floor(SOCKETS / ROOMS) + (r < SOCKETS % ROOMS ? 1 : 0);
const roomMessages = (r) => Math.floor(MESSAGES / ROOMS) + (r < MESSAGES % ROOMS ? 1 : 0);
const wsBase = base.replace(/^http/, "ws");
const latencies = [];
let received = 0, reordered = 0, duplicates = 0;

function receiver() {
  let last = 0;
  return (n, sentAt) => {
    const ms = performance.now() - sentAt;
    if (n === last) duplicates++; else if (n < last) reordered++;
    last = Math.max(last, n);
    latencies.push(ms);
    received++;
  };
}

async function openStomp(i) {
  const node = second && i % 2 === 1 ? second.replace(/^http/, "ws") : wsBase;
  const conversation = conversations[roomOf(i)];
  return new Promise((resolve, reject) => {
    const got = receiver();
    const client = new Client({
      webSocketFactory: () => new WebSocket(`${node}/ws`),
      connectHeaders: { Authorization: `Bearer ${token}` },
      reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0,
      onConnect: () => {
        const receipt = `ready-${i}`;
        client.watchForReceipt(receipt, () => resolve(client));
        client.subscribe(`/topic/conversations.${conversation}`, (frame) => {
          const event = JSON.parse(frame.body);
          if (event.event !== "message.created") return;
          // order is the conversation's: its sequence number (concurrent sends may commit in another order)
          const [, sentAt] = event.message.body.split(" ").map(Number);
          got(event.seq, sentAt);
        }, { receipt });
      },
      onStompError: (f) => reject(new Error(f.headers.message)),
      onWebSocketError: (e) => reject(e),
    });
    client.activate();
  });
}

async function openBare(i) {
  return new Promise((resolve, reject) => {
    const got = receiver();
    const socket = new WebSocket(`${wsBase}/bench/ws-fanout${ROOMS > 1 ? `?room=${roomOf(i)}` : ""}`);
    socket.on("open", () => resolve(socket));
    socket.on("error", reject);
    socket.on("message", (data) => { const parts = data.toString().split(" "); const [n, sentAt] = parts.slice(-2).map(Number); got(n, sentAt); });
  });
}

const opened = [];
for (let i = 0; i < SOCKETS; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(SOCKETS, i + 50); j++) batch.push(mode === "stomp" ? openStomp(j) : openBare(j));
  opened.push(...(await Promise.all(batch)));
}
// every subscription acknowledged; let the server finish the connects (authorization, presence) before measuring
// (SETTLE_MS, 3000)
await new Promise((r) => setTimeout(r, Number(process.env.SETTLE_MS ?? 3000)));

const sender = mode === "bare" ? await new Promise((resolve) => { const s = new WebSocket(`${wsBase}/bench/ws-fanout`); s.on("open", () => resolve(s)); }) : null;
const started = performance.now();
const sends = [];
const sentPerRoom = new Array(ROOMS).fill(0);
for (let n = 1; n <= MESSAGES; n++) {
  const room = (n - 1) % ROOMS;
  const inRoom = ++sentPerRoom[room];
  const due = started + (n - 1) * (1000 / RATE);
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const text = `${inRoom} ${performance.now()}`;
  if (mode === "stomp") {
    sends.push(fetch(`${base}/api/v1/conversations/${conversations[room]}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: text }),
    }).then((r) => { if (r.status !== 201) throw new Error(`send ${n}: ${r.status}`); }));
  } else {
    sender.send(ROOMS > 1 ? `r${room} ${text}` : text);
  }
}
await Promise.all(sends);
const sendSeconds = (performance.now() - started) / 1000;
let expected = 0;
for (let r = 0; r < ROOMS; r++) expected += roomSockets(r) * roomMessages(r);
const deadline = performance.now() + 20000;
while (received < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
console.log(JSON.stringify({
  mode, nodes: second ? 2 : 1, sockets: SOCKETS, conversations: ROOMS, messages: MESSAGES, rate: RATE, expected, received, lost: expected - received,
  duplicates, reordered, p50: +pct(50).toFixed(2), p99: +pct(99).toFixed(2), max: +pct(100).toFixed(2),
  framesPerSecond: Math.round(received / seconds),
  messagesPerSecond: Math.round(MESSAGES / sendSeconds),
}));
for (const s of opened) { try { mode === "stomp" ? s.deactivate() : s.close(); } catch {} }
if (sender) sender.close();
process.exit(0);
