/** What service-commons adds to each service's OpenAPI document: the error answers of every operation and operation ids. */
package dev.sessionledger.commons.openapi;
