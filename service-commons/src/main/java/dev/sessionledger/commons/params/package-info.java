/** Reading query parameters: single and repeated values, qs array forms, bracketed families, whole numbers and timestamps. */
package dev.sessionledger.commons.params;
