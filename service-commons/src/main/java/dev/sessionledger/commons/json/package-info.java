/** The JSON mapper every service uses, whose parser refuses NUL characters and deep nesting. */
package dev.sessionledger.commons.json;
