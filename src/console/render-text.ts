import { ComponentType } from '../protocol/api.ts';
import type { Reply } from '../protocol/reply.ts';

/** Discord markdown to plain terminal text: bold/italic markers and escapes removed, quotes kept. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/gs, '$1').replace(/\\([*_~`|>\\:-])/g, '$1');
}

/** Renders a Reply as readable text; file paths are supplied by the caller, which wrote them. */
export function renderText(reply: Reply, filePaths: readonly string[] = []): string {
  const out: string[] = [];
  if (reply.ephemeral) out.push('(only you can see this)');
  if (reply.content !== undefined) out.push(plain(reply.content));
  for (const embed of reply.embeds) {
    if (embed.title !== undefined) out.push(`== ${plain(embed.title)} ==`);
    if (embed.description !== undefined) out.push(plain(embed.description));
    for (const field of embed.fields ?? []) out.push(`\n${plain(field.name)}\n${plain(field.value)}`);
    if (embed.image?.url !== undefined) out.push(`[image: ${embed.image.url}]`);
    if (embed.footer?.text !== undefined) out.push(`\n— ${plain(embed.footer.text)}`);
  }
  const buttons = reply.components.flatMap((row) =>
    row.components.flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [`[${c.label ?? ''}] (${c.custom_id})`] : [])),
  );
  if (buttons.length > 0) out.push(`\nButtons: ${buttons.join('  ')}`);
  reply.files.forEach((file, i) => out.push(`${file.name.endsWith('.png') ? 'Chart' : 'File'}: ${filePaths[i] ?? file.name} — ${file.description}`));
  return out.join('\n');
}
