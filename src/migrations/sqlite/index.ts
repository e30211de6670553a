import * as migration_20261125_171148_schema from './20261125_171148_schema'

export const migrations = [
  {
    up: migration_20261125_171148_schema.up,
    down: migration_20261125_171148_schema.down,
    name: '20261125_171148_schema',
  },
]
