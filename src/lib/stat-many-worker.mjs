// A helper thread of stat-many.ts: takes its share of each call's files (stat-chunks.mjs).
import { parentPort } from 'node:worker_threads';
import { statChunks } from './stat-chunks.mjs';

parentPort.on('message', statChunks);
