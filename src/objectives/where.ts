import type { Site, Unit } from '../model/evaluation.js'

/** JSON path of a unit. @internal (not exported from the package) */
export const unitPath = (siteIndex: number, unitIndex: number): (string | number)[] => [
  'sites',
  siteIndex,
  'units',
  unitIndex,
]

/** @internal Domain path of a unit, e.g. `site south-staffordshire › unit acute-care`. */
export const unitWhere = (site: Pick<Site, 'id'>, unit: Pick<Unit, 'id'>): string => `site ${site.id} › unit ${unit.id}`

/** @internal Domain path of a unit × type cell, e.g. `site … › unit … › objectives › type outcome`. */
export const cellWhere = (unitW: string, type: string): string => `${unitW} › objectives › type ${type}`
