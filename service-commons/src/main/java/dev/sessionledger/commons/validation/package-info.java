/** Bean Validation constraints the APIs share: free-form JSON bounds, timestamps, UUIDs and fixed value sets. */
package dev.sessionledger.commons.validation;
