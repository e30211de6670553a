import * as migration_20261125_183037_schema from './20261125_183037_schema'
import * as migration_20261125_193948_schema from './20261125_193948_schema'

export const migrations = [
  {
    up: migration_20261125_183037_schema.up,
    down: migration_20261125_183037_schema.down,
    name: '20261125_183037_schema',
  },
  {
    up: migration_20261125_193948_schema.up,
    down: migration_20261125_193948_schema.down,
    name: '20261125_193948_schema',
  },
]
