/** What the gateway reports of the services it records through: their reachability, as health and as metrics. */
package dev.sessionledger.gateway.health;
