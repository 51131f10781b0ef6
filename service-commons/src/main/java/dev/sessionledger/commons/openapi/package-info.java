/** The parts of each service's OpenAPI document that service-commons owns: the error answers of every operation. */
package dev.sessionledger.commons.openapi;
