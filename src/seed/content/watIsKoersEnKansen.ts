import { block, heading, link, list, paragraph, richText } from '../lexical'

/** "Wat is Koers en kansen?" — the text of ../shared/seed-content/wat-is-koers-en-kansen.txt. */
export const watIsKoersEnKansen = (refs: { animation: number | string }) => ({
  title: 'Wat is Koers en kansen?',
  slug: 'wat-is-koers-en-kansen',
  intro:
    'Koers en kansen voor de sanctie-uitvoering is een experimenteer-, leer- en innovatieprogramma van justitie, de zorg en het sociaal domein.',
  content: richText(
    paragraph(
      'Koers en kansen voor de sanctie-uitvoering is een experimenteer-, leer- en innovatieprogramma van justitie, de zorg en het sociaal domein. Kijk gerust op de website: ',
      link('https://www.sanctieuitvoering.nl', 'www.sanctieuitvoering.nl'),
    ),
    paragraph('Het doel van het programma Koers en kansen is tweeledig:'),
    list('number', [
      'het verminderen van recidive en het verbeteren van de maatschappelijke integratie van (ex-)delinquenten;',
      'een sanctie-uitvoering die nu én in de toekomst effectief is.',
    ]),
    heading('h2', 'Wat doen we om deze doelen te bereiken?'),
    list('number', [
      'We bieden ruimte aan vernieuwende projecten die vanuit de lokale praktijk zijn opgezet en als doel hebben herhaalde criminaliteit te voorkomen. Deze projecten leveren inzichten op in wat werkt en niet werkt (en waarom);',
      {
        text: 'We helpen de praktijk van de sanctie-uitvoering om ‘het goede’ goed te kunnen (blijven) doen:',
        children: list(
          'bullet',
          [
            'door het vinden van (systeem)oplossingen voor barrières die de projecten in de praktijk tegenkomen en innovatie belemmeren;',
            'door projectmatig leren en evalueren te stimuleren;',
            'door kennisdeling en onderling leren te bevorderen;',
            'door ervoor te zorgen dat succesvolle (aspecten van) projecten op breed en op structurele basis ingevoerd worden.',
          ],
          1,
        ),
      },
      'We bouwen aan een lerend netwerk van organisaties in het veiligheids-, zorg- en het sociaal domein. Dit doen we vanuit nieuwe inzichten over samenwerken en leren, opgedaan in project-overstijgend onderzoek, en door het bijeenbrengen en delen van bestaande kennis over veranderen en innoveren.',
    ]),
    paragraph(
      'Binnen het programma Koers en kansen voor de sanctie-uitvoering slaan professionals uit de zorg, het sociaal domein en justitie de handen in elkaar om de sanctie-uitvoering te vernieuwen. Zij doen dit in de vorm van innovatieve projecten op lokaal niveau. Op alle mogelijke manieren werken ze aan meer maatwerk in de begeleiding van en het toezicht op daders van een strafbaar feit. Hun drijfveer is: minder recidive en een veiligere samenleving met minder criminaliteit, minder slachtoffers en minder overlast. De experimenten leren ons wat in de praktijk werkt en wat niet. Het programma zorgt ervoor dat deze nieuwe lessen en inzichten toegankelijk worden voor beleidsmakers en uitvoerders elders. Ook wil het programma een motor zijn voor blijvende innovatie bij het opleggen en uitvoeren van straffen om zo ook in de toekomst effectief te kunnen inspelen op maatschappelijke veranderingen.',
    ),
    block('animation', { animation: refs.animation }, 'seed-wat-is-animatie'),
    block(
      'projectList',
      { heading: 'Ontdek meer', mode: 'filter', changeLines: [], themes: [], limit: 6 },
      'seed-wat-is-projecten',
    ),
  ),
  meta: {
    title: 'Wat is Koers en kansen?',
    description:
      'Koers en kansen voor de sanctie-uitvoering: een experimenteer-, leer- en innovatieprogramma van justitie, de zorg en het sociaal domein.',
  },
})
