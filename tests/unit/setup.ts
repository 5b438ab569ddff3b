// The database layer runs on fake-indexeddb in Node.
import 'fake-indexeddb/auto';
