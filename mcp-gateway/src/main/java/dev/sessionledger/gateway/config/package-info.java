/** The gateway's configuration, read from the environment (application.properties maps the variables). */
package dev.sessionledger.gateway.config;
