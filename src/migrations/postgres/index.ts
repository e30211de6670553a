import * as migration_20261125_175428_schema from './20261125_175428_schema'

export const migrations = [
  {
    up: migration_20261125_175428_schema.up,
    down: migration_20261125_175428_schema.down,
    name: '20261125_175428_schema',
  },
]
