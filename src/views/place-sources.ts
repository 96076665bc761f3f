import type { APIEmbedField } from 'discord-api-types/v10';

/** The /sources entry for place and postcode look-ups: both licences ask to be credited wherever the data is used. */
export function placeSourcesField(): APIEmbedField {
  return {
    name: 'Places and postcodes (look-ups only)',
    value: [
      "GP practices 2024/25 with their 2022 ICB, from NHS England's ICB allocation tool: contains public sector information licensed under the Open Government Licence v3.0.",
      'Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.',
      'A postcode answer goes by where GP practices in that district are, not by every address.',
    ].join('\n'),
  };
}
