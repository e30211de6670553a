import * as migration_20261125_171200_schema from './20261125_171200_schema'
import * as migration_20261125_174903_schema from './20261125_174903_schema'

export const migrations = [
  {
    up: migration_20261125_171200_schema.up,
    down: migration_20261125_171200_schema.down,
    name: '20261125_171200_schema',
  },
  {
    up: migration_20261125_174903_schema.up,
    down: migration_20261125_174903_schema.down,
    name: '20261125_174903_schema',
  },
]
