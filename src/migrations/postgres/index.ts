import * as migration_20261125_170654_schema from './20261125_170654_schema'

export const migrations = [
  {
    up: migration_20261125_170654_schema.up,
    down: migration_20261125_170654_schema.down,
    name: '20261125_170654_schema',
  },
]
