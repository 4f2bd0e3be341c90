export { connectWarehouse, withConnection, type Warehouse, type WarehouseOptions } from './connection.js';
export { migrateLatest, migrateRollback, pendingMigrations } from './migrations.js';
export * from './runner/index.js';
