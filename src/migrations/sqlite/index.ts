import * as migration_20261125_170644_schema from './20261125_170644_schema'

export const migrations = [
  {
    up: migration_20261125_170644_schema.up,
    down: migration_20261125_170644_schema.down,
    name: '20261125_170644_schema',
  },
]
