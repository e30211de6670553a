import * as migration_20261125_183037_schema from './20261125_183037_schema'
import * as migration_20261125_201124_schema from './20261125_201124_schema'
import * as migration_20261202_041131_schema from './20261202_041131_schema'
import * as migration_20261202_041521_schema from './20261202_041521_schema'
import * as migration_20261202_061605_schema from './20261202_061605_schema'
import * as migration_20261202_103941_schema from './20261202_103941_schema'

export const migrations = [
  {
    up: migration_20261125_183037_schema.up,
    down: migration_20261125_183037_schema.down,
    name: '20261125_183037_schema',
  },
  {
    up: migration_20261125_201124_schema.up,
    down: migration_20261125_201124_schema.down,
    name: '20261125_201124_schema',
  },
  {
    up: migration_20261202_041131_schema.up,
    down: migration_20261202_041131_schema.down,
    name: '20261202_041131_schema',
  },
  {
    up: migration_20261202_041521_schema.up,
    down: migration_20261202_041521_schema.down,
    name: '20261202_041521_schema',
  },
  {
    up: migration_20261202_061605_schema.up,
    down: migration_20261202_061605_schema.down,
    name: '20261202_061605_schema',
  },
  {
    up: migration_20261202_103941_schema.up,
    down: migration_20261202_103941_schema.down,
    name: '20261202_103941_schema',
  },
]
