import { createRecordMap, type RecordMap, type WriteOptions } from '../record-map';
import { type ExecutionRecord, executionsItem, openExecutionsItem } from '../storage';

/**
 * The executor's records of this browser's executions, as one map over two storage items: the
 * open records (the "sending" written before every POST, "unconfirmed") and the settled ones,
 * which carry their task. A task settles by its "sent" record landing first and its open one
 * going after, so a background stopped in between finds "sent", which wins.
 */
export function createExecutionRecords(cap: number): RecordMap<ExecutionRecord> {
  const open = createRecordMap<ExecutionRecord>(openExecutionsItem, cap);
  const settled = createRecordMap<ExecutionRecord>(executionsItem, cap);
  /** Removes `id` from a map that holds it (a look in memory), leaving the other unwritten. */
  const drop = async (map: RecordMap<ExecutionRecord>, id: number, options?: WriteOptions) => {
    if (await map.get(id)) await map.remove(id, options);
  };
  return {
    all: async () => ({ ...(await open.all()), ...(await settled.all()) }),
    get: async (id) => (await settled.get(id)) ?? (await open.get(id)),
    async set(id, record, options) {
      if (record.state !== 'sent') return open.set(id, record, options);
      await settled.set(id, record, options);
      await drop(open, id, options);
    },
    async remove(id, options) {
      await drop(open, id, options);
      await drop(settled, id, options);
    },
  };
}
