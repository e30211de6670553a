import { block, heading, paragraph, richText } from '../lexical'
import { keyFigures } from './programme'

/** "Over Koers en kansen" — the text of ../shared/seed-content/over-koers-en-kansen.txt. */
export const overKoersEnKansen = (refs: {
  whitepaper: number | string
  factsheet: number | string
  infographic: number | string
  animation: number | string
}) => ({
  title: 'Over Koers en kansen',
  slug: 'over-koers-en-kansen',
  intro:
    'Hier vind je meer informatie over het programma Koers en kansen voor de sanctie-uitvoering. Wat zijn de doelen, met wie werken we samen en hoe kun jij meedoen? Lees het hieronder.',
  content: richText(
    heading('h2', 'Wat willen we bereiken?'),
    paragraph(
      'Bijna 70% van de criminaliteit ontstaat doordat daders in herhaling vallen, met veel slachtoffers, overlast en maatschappelijk leed tot gevolg. Dat willen we voorkomen. Justitie, zorg en gemeenten slaan de handen ineen voor een effectievere aanpak. Deze samenwerking is nodig, omdat de oplossing niet alleen binnen de straf ligt. De helft van de gedetineerden zit slechts 24 dagen binnen. Een werkstraf duurt maximaal 240 uur en toezicht betekent gemiddeld een keer per drie weken contact met de reclassering.',
    ),
    block('keyFigures', { figures: keyFigures.map((figure, index) => ({ id: `seed-kerncijfer-${index}`, ...figure })) }, 'seed-over-kerncijfers'),
    paragraph(
      'Dat is simpelweg onvoldoende tijd om de oorzaken van recidive (schulden, geen huisvesting of werk, psychiatrische stoornissen, licht verstandelijke beperking en/of gezinsproblematiek) weg te nemen. Daar hebben we onze partners voor nodig: de zorg, het onderwijs, gemeenten, vrijwilligers en werkgevers. Zij kunnen voor, tijdens en na de straf met hun expertise en interventies terugval voorkomen.',
    ),
    paragraph(
      'Koers en kansen is een gezamenlijke aanpak om de sanctie-uitvoering te vernieuwen. Hierbij zijn onze drie ‘veranderlijnen’ leidend. We staan ervoor dat sancties moeten aansluiten op de lokale situatie (‘veilig dichtbij’) en op het profiel van de dader (‘levensloop centraal’). Daarnaast zijn het professionals die het verschil maken. En daarom pleit Koers en kansen voor meer ruimte om te werken aan het maatschappelijk resultaat (‘vakmanschap voorop’). Onze ambitie is om de recidive significant te verminderen, zonder afbreuk te doen aan de andere doelen van straffen, zoals afschrikking en vergelding.',
    ),
    paragraph(
      'Wil je meer weten over deze drie veranderlijnen? Bekijk het whitepaper ‘De toekomst van de sanctie-uitvoering’ (zie onderstaande documenten).',
    ),
    paragraph(
      'Snel een indruk krijgen van het programma Koers en kansen voor de sanctie-uitvoering? Bekijk de factsheet, de infographic of onze animatie.',
    ),
    block(
      'documentList',
      { heading: 'Documenten', documents: [refs.whitepaper, refs.factsheet, refs.infographic] },
      'seed-over-documenten',
    ),
    block('animation', { animation: refs.animation }, 'seed-over-animatie'),
  ),
  meta: {
    title: 'Over Koers en kansen',
    description:
      'De doelen van Koers en kansen, de drie veranderlijnen en met wie we samenwerken om recidive te verminderen.',
  },
})
