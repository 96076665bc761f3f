// Discord's documented limits on what an interaction reply may carry, checked against the raw JSON the
// fake receives. A real Discord rejects most of these with 400 Invalid Form Body; allowed_mentions is our
// own rule (DESIGN.md: every reply parses no mentions), so it is checked on every message-carrying body.
//
// Lengths are JavaScript string lengths (UTF-16 code units), the unit discord.js's own validators use.

import { DISCORD_LIMITS } from '../../src/protocol/limits.ts';

export { DISCORD_LIMITS };

/** Interaction callback types whose `data` is a message (CHANNEL_MESSAGE_WITH_SOURCE, UPDATE_MESSAGE). */
const MESSAGE_CALLBACK_TYPES = new Set([4, 7]);
const AUTOCOMPLETE_RESULT = 8;
/** PONG, deferred replies/updates, modal, premium-required, launch-activity: nothing of ours to check. */
const NON_MESSAGE_CALLBACK_TYPES = new Set([1, 5, 6, 9, 10, 12]);
const ACTION_ROW = 1;
const BUTTON = 2;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function tooLong(where: string, value: unknown, max: number): string[] {
  const length = textLength(value);
  return length > max ? [`${where}: ${length} characters > ${max}`] : [];
}

function tooMany(where: string, count: number, max: number): string[] {
  return count > max ? [`${where}: ${count} items > ${max}`] : [];
}

/** Violations in an interaction callback body ({ type, data }) as sent to POST /interactions/:id/:token/callback. */
export function checkInteractionResponse(body: unknown): string[] {
  if (!isRecord(body)) return ['body: not a JSON object'];
  const { type, data } = body;
  if (typeof type !== 'number') return ['type: missing'];
  if (MESSAGE_CALLBACK_TYPES.has(type)) {
    if (!isRecord(data)) return [`data: missing on a type ${type} response`];
    return checkMessagePayload(data, 'data');
  }
  if (type === AUTOCOMPLETE_RESULT) return checkAutocompleteResult(data);
  if (NON_MESSAGE_CALLBACK_TYPES.has(type)) return [];
  return [`type: unknown interaction callback type ${type}`];
}

/** Violations in a message body: a type 4/7 callback's data, or a webhook follow-up or edit. */
export function checkMessagePayload(message: unknown, where = 'message'): string[] {
  if (!isRecord(message)) return [`${where}: not a JSON object`];
  return [
    ...tooLong(`${where}.content`, message.content, DISCORD_LIMITS.content),
    ...checkAllowedMentions(message.allowed_mentions, `${where}.allowed_mentions`),
    ...checkEmbeds(arrayAt(message.embeds), `${where}.embeds`),
    ...checkComponents(arrayAt(message.components), `${where}.components`),
  ];
}

function checkAllowedMentions(value: unknown, where: string): string[] {
  if (!isRecord(value)) return [`${where}: missing (must be { parse: [] })`];
  if (!Array.isArray(value.parse) || value.parse.length > 0) {
    return [`${where}.parse: must be an empty array, got ${JSON.stringify(value.parse)}`];
  }
  return [];
}

function checkEmbeds(embeds: unknown[], where: string): string[] {
  const problems = tooMany(where, embeds.length, DISCORD_LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(embed)) {
      problems.push(`${at}: not a JSON object`);
      return;
    }
    const fields = arrayAt(embed.fields).filter(isRecord);
    const footerText = isRecord(embed.footer) ? embed.footer.text : undefined;
    const authorName = isRecord(embed.author) ? embed.author.name : undefined;
    problems.push(
      ...tooLong(`${at}.title`, embed.title, DISCORD_LIMITS.embedTitle),
      ...tooLong(`${at}.description`, embed.description, DISCORD_LIMITS.embedDescription),
      ...tooMany(`${at}.fields`, arrayAt(embed.fields).length, DISCORD_LIMITS.embedFields),
      ...tooLong(`${at}.footer.text`, footerText, DISCORD_LIMITS.footerText),
      ...tooLong(`${at}.author.name`, authorName, DISCORD_LIMITS.authorName),
    );
    fields.forEach((field, fieldIndex) => {
      problems.push(
        ...tooLong(`${at}.fields[${fieldIndex}].name`, field.name, DISCORD_LIMITS.fieldName),
        ...tooLong(`${at}.fields[${fieldIndex}].value`, field.value, DISCORD_LIMITS.fieldValue),
      );
    });
    // Discord's 6,000 counts exactly these parts, summed over every embed of the message.
    total +=
      textLength(embed.title) +
      textLength(embed.description) +
      textLength(footerText) +
      textLength(authorName) +
      fields.reduce((sum, field) => sum + textLength(field.name) + textLength(field.value), 0);
  });
  if (total > DISCORD_LIMITS.embedTotal) {
    problems.push(`${where}: ${total} characters across all embeds > ${DISCORD_LIMITS.embedTotal}`);
  }
  return problems;
}

function checkComponents(rows: unknown[], where: string): string[] {
  const problems = tooMany(where, rows.length, DISCORD_LIMITS.actionRows);
  rows.forEach((row, rowIndex) => {
    const at = `${where}[${rowIndex}]`;
    if (!isRecord(row) || row.type !== ACTION_ROW) {
      problems.push(`${at}: not an action row (type ${ACTION_ROW})`);
      return;
    }
    const children = arrayAt(row.components).filter(isRecord);
    const buttons = children.filter((child) => child.type === BUTTON);
    problems.push(...tooMany(`${at}.components (buttons)`, buttons.length, DISCORD_LIMITS.buttonsPerRow));
    children.forEach((child, childIndex) => {
      const childAt = `${at}.components[${childIndex}]`;
      problems.push(...tooLong(`${childAt}.custom_id`, child.custom_id, DISCORD_LIMITS.customId));
      if (child.type === BUTTON) {
        problems.push(...tooLong(`${childAt}.label`, child.label, DISCORD_LIMITS.buttonLabel));
      }
    });
  });
  return problems;
}

function checkAutocompleteResult(data: unknown): string[] {
  if (!isRecord(data) || !Array.isArray(data.choices)) return ['data.choices: missing on an autocomplete result'];
  const problems = tooMany('data.choices', data.choices.length, DISCORD_LIMITS.choices);
  data.choices.forEach((choice: unknown, index) => {
    const at = `data.choices[${index}]`;
    if (!isRecord(choice)) {
      problems.push(`${at}: not a JSON object`);
      return;
    }
    problems.push(
      ...tooLong(`${at}.name`, choice.name, DISCORD_LIMITS.choiceName),
      // Numeric choice values have no length limit; string values do.
      ...tooLong(`${at}.value`, choice.value, DISCORD_LIMITS.choiceValue),
    );
  });
  return problems;
}
