import * as migration_20261125_175349_schema from './20261125_175349_schema'

export const migrations = [
  {
    up: migration_20261125_175349_schema.up,
    down: migration_20261125_175349_schema.down,
    name: '20261125_175349_schema',
  },
]
