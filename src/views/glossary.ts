import type { APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/model.ts';
import { sourceYearsLines } from './source-years.ts';

/** The abbreviations the survey quotes and the bot's replies use, spelled out once for /help. */
export const GLOSSARY = [
  '**ICS** — Integrated Care System: the partnership of the NHS, councils and others in an area (42 in 2022). **ICB** — Integrated Care Board: the statutory NHS body of an ICS since 1 July 2022, which holds its budget.',
  '**CCG** — Clinical Commissioning Group: the local NHS bodies the ICBs replaced on 1 July 2022.',
  '**FT** — NHS Foundation Trust: a hospital, mental health or community trust with foundation status (e.g. “Oxford University Hospitals FT”).',
  '**NUH** — Nottingham University Hospitals NHS Trust, named in Nottingham and Nottinghamshire’s row.',
  '**ODS code** — the NHS Organisation Data Service’s code for a body (QT1 for the Nottingham and Nottinghamshire ICB); the key that joins the survey to NHS England’s allocations.',
  '**CIP** — Cost Improvement Programme: the savings target set for NHS organisations (e.g. “5% CIPs”).',
].join('\n');

export function glossaryField(): APIEmbedField {
  return { name: 'Words the sources use', value: GLOSSARY };
}

export function sourceYearsField(data: Dataset): APIEmbedField {
  return { name: 'Years each source covers', value: sourceYearsLines(data).join('\n') };
}
