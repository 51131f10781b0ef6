package dev.sessionledger.commons.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.sessionledger.commons.errors.Failure;

/** The prefixes of public MCP ids, and the one way an id with a prefix is read and written. */
public enum IdPrefix {

    SESSION("ses"),
    CONNECTION("sco"),
    PARTICIPANT("spt"),
    SESSION_PROVIDER("spr"),
    PROVIDER_RUN("srr"),
    MESSAGE("smg"),
    PROVIDER("pro");

    private final String text;

    IdPrefix(String text) {
        this.text = text;
    }

    /** The prefix as ids show it, without the underscore. */
    public String text() {
        return text;
    }

    /** The public id, or null where there is none. */
    public String format(UUID id) {
        return id == null ? null : PrefixedId.format(text, id);
    }

    /** The UUID behind {@code id}, or empty when it is not a well-formed id of this kind. */
    public Optional<UUID> parse(String id) {
        return PrefixedId.parse(text, id);
    }

    /** An id naming something that must exist (a path id): a malformed one names nothing, a not-found failure. */
    public UUID existing(String id, String entity) {
        return parse(id).orElseThrow(() -> Failure.notFound(entity, id));
    }

    /** An id given as an input: a malformed one is an invalid-input failure naming {@code field}. */
    public UUID input(String field, String id) {
        return parse(id).orElseThrow(() -> Failure.invalid(field, "must be an id starting with " + text + "_"));
    }

    /** Several ids given as one input (a list filter): any malformed one is an invalid-input failure naming {@code field}. */
    public List<UUID> inputs(String field, List<String> ids) {
        List<UUID> parsed = new ArrayList<>(ids.size());
        for (String id : ids) {
            parsed.add(parse(id).orElseThrow(() -> Failure.invalid(field, "must be ids starting with " + text + "_")));
        }
        return parsed;
    }
}
