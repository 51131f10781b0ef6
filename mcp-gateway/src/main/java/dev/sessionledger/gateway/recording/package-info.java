/**
 * Recording of every JSON-RPC message through messages-service: best_effort (bounded buffer,
 * batches, retries, what is lost counted) or audit (recorded before it is passed on).
 */
package dev.sessionledger.gateway.recording;
