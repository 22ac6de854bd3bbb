export * from './define.js'
