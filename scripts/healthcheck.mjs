// The container's HEALTHCHECK. HTTP mode (DISCORD_PUBLIC_KEY set): GET /healthz must answer 200 — it says 503 while
// the data loads and while draining. Gateway mode has no HTTP port: a running process is the only signal there.
const http = process.env.DISCORD_PUBLIC_KEY !== undefined && process.env.DISCORD_PUBLIC_KEY.trim() !== '';
if (!http) process.exit(0);
const port = process.env.PORT !== undefined && process.env.PORT.trim() !== '' ? process.env.PORT : '8080';
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
