/** The programme global: aims, change lines and key figures, all from the source texts. */
export const keyFigures = [
  { value: 'bijna 70%', label: 'van de criminaliteit ontstaat doordat daders in herhaling vallen' },
  { value: '24 dagen', label: 'zit de helft van de gedetineerden slechts binnen' },
  { value: 'max. 240 uur', label: 'duurt een werkstraf' },
  { value: '1× per 3 weken', label: 'contact met de reclassering bij toezicht, gemiddeld' },
]

export const programme = {
  aims: [
    {
      aim: 'Het verminderen van recidive en het verbeteren van de maatschappelijke integratie van (ex-)delinquenten.',
    },
    { aim: 'Een sanctie-uitvoering die nu én in de toekomst effectief is.' },
  ],
  changeLines: [
    {
      key: 'veilig-dichtbij' as const,
      title: 'Veilig dichtbij',
      description: 'Sancties sluiten aan op de lokale situatie.',
    },
    {
      key: 'levensloop-centraal' as const,
      title: 'Levensloop centraal',
      description: 'Sancties sluiten aan op het profiel van de dader.',
    },
    {
      key: 'vakmanschap-voorop' as const,
      title: 'Vakmanschap voorop',
      description:
        'Professionals maken het verschil: meer ruimte om te werken aan het maatschappelijk resultaat.',
    },
  ],
  keyFigures,
}
