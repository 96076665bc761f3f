// The Gateway half of the fake: HELLO, IDENTIFY -> READY, heartbeats, RESUME (replaying missed events) and
// dispatches, over plain JSON text frames. discord.js only asks for zlib-stream when zlib-sync is installed
// (it is not); even then it parses text frames as JSON, so uncompressed frames always work.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { readyData } from './payloads.ts';

const op = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  presenceUpdate: 3,
  voiceStateUpdate: 4,
  resume: 6,
  requestGuildMembers: 8,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
} as const;
/** Opcodes a bot may send once identified; the fake accepts and ignores them. */
const IGNORED_CLIENT_OPS = new Set<number>([op.presenceUpdate, op.voiceStateUpdate, op.requestGuildMembers]);

/** Discord's gateway close codes that the fake uses. */
export const CloseCode = {
  unknownError: 4000,
  unknownOpcode: 4001,
  decodeError: 4002,
  notAuthenticated: 4003,
  authenticationFailed: 4004,
  alreadyAuthenticated: 4005,
  invalidShard: 4010,
  invalidApiVersion: 4012,
} as const;

interface DispatchPacket {
  op: typeof op.dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  sent: DispatchPacket[];
  socket: WebSocket | null;
}

export interface GatewayOptions {
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  /** ws://127.0.0.1:PORT: both the initial URL and resume_gateway_url. */
  url: string;
}

/** What a client asked for when it connected: v, encoding and compress query parameters. */
export type ConnectionQuery = Record<string, string>;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sendJson(socket: WebSocket, packet: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(packet));
}

export class FakeGateway {
  connectedCount = 0;
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  readonly connections: ConnectionQuery[] = [];
  /** IDENTIFY `d` payloads as received (intents, shard, properties, presence). */
  readonly identifies: Json[] = [];
  private readonly sessions = new Map<string, Session>();
  private latest: Session | undefined;
  private readonly server: WebSocketServer;

  constructor(
    httpServer: Server,
    private readonly options: GatewayOptions,
  ) {
    this.server = new WebSocketServer({ server: httpServer });
    this.server.on('connection', (socket, request) => this.accept(socket, request));
  }

  /** Sends a dispatch on the current session; if its socket is down, the event waits for the RESUME. */
  dispatch(t: string, d: unknown): void {
    const session = this.latest;
    if (!session) throw new Error('no gateway session yet: log a client in before injecting events');
    session.seq += 1;
    const packet: DispatchPacket = { op: op.dispatch, t, s: session.seq, d };
    session.sent.push(packet);
    if (session.socket) sendJson(session.socket, packet);
  }

  /** Closes the current session's socket as Discord would, e.g. 4000 (resumable) or 1000 (re-identify). */
  close(code: number, reason = 'closed by the test'): void {
    const socket = this.latest?.socket;
    if (!socket) throw new Error('no open gateway connection to close');
    socket.close(code, reason);
  }

  async stop(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    this.sessions.clear();
    this.latest = undefined;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    this.connectedCount += 1;
    const query = Object.fromEntries(new URL(request.url ?? '/', this.options.url.replace(/^ws/, 'http')).searchParams);
    this.connections.push(query);
    if (query.v !== '10' || query.encoding !== 'json') {
      socket.close(CloseCode.invalidApiVersion, 'the fake speaks v=10&encoding=json only');
      return;
    }
    let session: Session | undefined;
    socket.on('close', () => {
      if (session?.socket === socket) session.socket = null;
    });
    socket.on('error', () => socket.terminate());
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const packet = isBinary ? undefined : this.parse(data);
      if (!packet) return socket.close(CloseCode.decodeError, 'Error while decoding payload.');
      if (packet.op === op.heartbeat) {
        this.heartbeatCount += 1;
        return sendJson(socket, { op: op.heartbeatAck, d: null, s: null, t: null });
      }
      if (packet.op === op.identify || packet.op === op.resume) {
        if (session) return socket.close(CloseCode.alreadyAuthenticated, 'Already authenticated.');
        session = packet.op === op.identify ? this.identify(socket, packet.d) : this.resume(socket, packet.d);
        return;
      }
      if (!session) return socket.close(CloseCode.notAuthenticated, 'Not authenticated.');
      if (!IGNORED_CLIENT_OPS.has(Number(packet.op))) socket.close(CloseCode.unknownOpcode, 'Unknown opcode.');
    });
    sendJson(socket, { op: op.hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  private parse(data: RawData): Json | undefined {
    try {
      const packet: unknown = JSON.parse(data.toString());
      return isRecord(packet) ? packet : undefined;
    } catch {
      return undefined;
    }
  }

  private identify(socket: WebSocket, d: unknown): Session | undefined {
    if (!isRecord(d) || d.token !== this.options.token) {
      socket.close(CloseCode.authenticationFailed, 'Authentication failed.');
      return undefined;
    }
    const [shardId, shardCount] = Array.isArray(d.shard) ? d.shard : [0, 1];
    if (shardCount !== 1 || shardId !== 0) {
      socket.close(CloseCode.invalidShard, 'Invalid shard.');
      return undefined;
    }
    this.identifyCount += 1;
    this.identifies.push(d);
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, sent: [], socket };
    this.sessions.set(session.id, session);
    this.latest = session;
    this.dispatch('READY', readyData(this.options.applicationId, session.id, this.options.url));
    return session;
  }

  private resume(socket: WebSocket, d: unknown): Session | undefined {
    if (!isRecord(d) || d.token !== this.options.token) {
      socket.close(CloseCode.authenticationFailed, 'Authentication failed.');
      return undefined;
    }
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session) {
      // Not resumable: the client must identify afresh on a new connection.
      sendJson(socket, { op: op.invalidSession, d: false, s: null, t: null });
      return undefined;
    }
    session.socket?.close(CloseCode.unknownError, 'Session resumed elsewhere.');
    session.socket = socket;
    this.latest = session;
    this.resumeCount += 1;
    const lastSeen = typeof d.seq === 'number' ? d.seq : 0;
    for (const packet of session.sent) if (packet.s > lastSeen) sendJson(socket, packet);
    this.dispatch('RESUMED', null);
    return session;
  }
}
