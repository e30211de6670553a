import * as migration_20261125_183046_schema from './20261125_183046_schema'
import * as migration_20261125_201127_schema from './20261125_201127_schema'
import * as migration_20261202_041203_schema from './20261202_041203_schema'
import * as migration_20261202_041555_schema from './20261202_041555_schema'
import * as migration_20261202_061630_schema from './20261202_061630_schema'
import * as migration_20261202_103954_schema from './20261202_103954_schema'

export const migrations = [
  {
    up: migration_20261125_183046_schema.up,
    down: migration_20261125_183046_schema.down,
    name: '20261125_183046_schema',
  },
  {
    up: migration_20261125_201127_schema.up,
    down: migration_20261125_201127_schema.down,
    name: '20261125_201127_schema',
  },
  {
    up: migration_20261202_041203_schema.up,
    down: migration_20261202_041203_schema.down,
    name: '20261202_041203_schema',
  },
  {
    up: migration_20261202_041555_schema.up,
    down: migration_20261202_041555_schema.down,
    name: '20261202_041555_schema',
  },
  {
    up: migration_20261202_061630_schema.up,
    down: migration_20261202_061630_schema.down,
    name: '20261202_061630_schema',
  },
  {
    up: migration_20261202_103954_schema.up,
    down: migration_20261202_103954_schema.down,
    name: '20261202_103954_schema',
  },
]
