/** Recording of every JSON-RPC message through messages-service (best_effort: bounded buffer, batches, dropped counted). */
package dev.sessionledger.gateway.recording;
