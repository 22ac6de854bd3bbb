export * from './lifecycle.js'
export * from './validate.js'
