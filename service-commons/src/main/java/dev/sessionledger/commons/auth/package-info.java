/** Who the caller is (tenant, subject, administrator) from the bearer token, and the signing keys and tokens of the local stack and tests; the services' SHA-256 and HMAC signatures. */
package dev.sessionledger.commons.auth;
