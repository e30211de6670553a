import { label } from '../i18n/label'

/** The filter values of the project overview; keys are part of the public API. */
export const changeLineOptions = [
  { value: 'veilig-dichtbij', label: label('Veilig dichtbij', 'Safe and close by') },
  { value: 'levensloop-centraal', label: label('Levensloop centraal', 'Life course first') },
  { value: 'vakmanschap-voorop', label: label('Vakmanschap voorop', 'Professionalism first') },
]

export const themeOptions = [
  { value: 'schulden', label: label('Schulden', 'Debts') },
  { value: 'huisvesting', label: label('Huisvesting', 'Housing') },
  { value: 'werk-en-inkomen', label: label('Werk en inkomen', 'Work and income') },
  { value: 'psychische-problematiek', label: label('Psychische problematiek', 'Mental health') },
  {
    value: 'licht-verstandelijke-beperking',
    label: label('Licht verstandelijke beperking', 'Mild intellectual disability'),
  },
  { value: 'gezinsproblematiek', label: label('Gezinsproblematiek', 'Family problems') },
  { value: 'verslaving', label: label('Verslaving', 'Addiction') },
  { value: 'overig', label: label('Overig', 'Other') },
]

export const sanctionPhaseOptions = [
  { value: 'voor', label: label('Voor de straf', 'Before the sanction') },
  { value: 'tijdens', label: label('Tijdens de straf', 'During the sanction') },
  { value: 'na', label: label('Na de straf', 'After the sanction') },
]

export const sanctionTypeOptions = [
  { value: 'detentie', label: label('Detentie', 'Detention') },
  { value: 'taakstraf', label: label('Taakstraf', 'Community service') },
  { value: 'toezicht', label: label('Toezicht', 'Supervision') },
  { value: 'jeugd', label: label('Jeugd', 'Youth') },
  { value: 'overig', label: label('Overig', 'Other') },
]

export const provinceOptions = [
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
].map((name) => ({
  value: name
    .toLowerCase()
    .replace(/[^a-z]+/g, '-'),
  label: label(name === 'Friesland' ? 'Fryslân' : name, name),
}))

export const partnerDomainOptions = [
  { value: 'justitie', label: label('Justitie', 'Justice') },
  { value: 'zorg', label: label('Zorg', 'Care') },
  { value: 'sociaal-domein', label: label('Sociaal domein', 'Social domain') },
  { value: 'onderwijs', label: label('Onderwijs', 'Education') },
  { value: 'werkgevers', label: label('Werkgevers', 'Employers') },
  { value: 'vrijwilligers', label: label('Vrijwilligers', 'Volunteers') },
  { value: 'overig', label: label('Overig', 'Other') },
]

export const projectStatusOptions = [
  { value: 'in-voorbereiding', label: label('In voorbereiding', 'In preparation') },
  { value: 'lopend', label: label('Lopend', 'Running') },
  { value: 'afgerond', label: label('Afgerond', 'Completed') },
]
