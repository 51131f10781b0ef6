/**
 * RealtimeKit's webhooks: receivers an administrator registers with RealtimeKit, and the signed
 * deliveries they take, whose facts rebuild the meetings they describe.
 */
package dev.sessionledger.sessions.realtime.webhook;
