// The email queue's producer side. Ingest inserts EmailDelivery rows (status "queued") in the same
// transaction as the notifications, then calls wakeEmailWorker() after commit.
// TODO(email): wake the worker in this process and, through Postgres NOTIFY, on other instances.
export function wakeEmailWorker(): void {}
