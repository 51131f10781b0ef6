package dev.sessionledger.messages.errors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.metorial.MetorialErrorRenderer;

/** messages-service answers every failure in Metorial's error envelope. */
@ApplicationScoped
public class MessagesErrorRenderer extends MetorialErrorRenderer {
}
